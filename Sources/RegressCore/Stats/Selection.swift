/// Order statistics without sorting: quickselect (Hoare partition, median-of-three pivot) moves the
/// k-th smallest value to position k, every smaller one before it and every larger one after it, in
/// expected linear time.
enum Selection {
    /// The `p`-th quantile by the rule of `Descriptive.percentile` (NumPy's `linear`), reordering the
    /// buffer: the ⌊h⌋-th smallest by selection, the next one as the least of what lies after it.
    static func percentile(_ values: UnsafeMutableBufferPointer<Double>, _ p: Double) -> Double {
        let h = Double(values.count - 1) * Swift.min(Swift.max(p, 0), 1)
        let lower = Int(h.rounded(.down))
        select(values, lower)
        let low = values[lower]
        guard lower + 1 < values.count else { return low }
        var high = values[lower + 1]
        for index in (lower + 2)..<values.count where values[index] < high { high = values[index] }
        return low + (h - Double(lower)) * (high - low)
    }

    /// Moves the k-th smallest value (0-based) to index k, with nothing larger before it and nothing
    /// smaller after it.
    static func select(_ values: UnsafeMutableBufferPointer<Double>, _ k: Int) {
        var left = 0, right = values.count - 1
        while right - left > 16 {
            let middle = left + (right - left) / 2
            // Median of three as the pivot, which also guards both scans.
            if values[middle] < values[left] { values.swapAt(middle, left) }
            if values[right] < values[left] { values.swapAt(right, left) }
            if values[right] < values[middle] { values.swapAt(right, middle) }
            let pivot = values[middle]
            var i = left, j = right
            while i <= j {
                while values[i] < pivot { i += 1 }
                while pivot < values[j] { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                right = j
            } else if k >= i {
                left = i
            } else {
                return
            }
        }
        // A short range: insertion sort.
        var index = left + 1
        while index <= right {
            let value = values[index]
            var position = index - 1
            while position >= left, value < values[position] {
                values[position + 1] = values[position]
                position -= 1
            }
            values[position + 1] = value
            index += 1
        }
    }
}
