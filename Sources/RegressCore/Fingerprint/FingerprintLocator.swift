/// Finds the fingerprint of each run, never attributing a run to a machine it did not run on:
/// 1. what the artifact itself carries (Google Benchmark's `context`, pytest-benchmark's
///    `machine_info`, asv's `machine.json` beside its results) names the run's machine; a sidecar fills
///    in the fields it lacks, nothing else is mixed in;
/// 2. else a sidecar `<name>.fingerprint.json` beside the artifact (`bench/r.fingerprint.json` for
///    `bench/r.csv`), else a `machine.json` in the artifact's folder (asv's description of the machine
///    its results came from, which other tools copy), else a `fingerprint.json` in the artifact's
///    folder or the nearest folder above it;
/// 3. else the `--fingerprint` file;
/// 4. else, for the working tree only, this machine, when the artifact was produced here: it is
///    untracked or differs from its committed version (one checked out unchanged came from elsewhere);
/// 5. else none: the run stays without a fingerprint, and reports say so.
public struct FingerprintLocator {
    public var explicit: RunFingerprint?
    public var thisMachine: (() -> Fingerprint)?

    public init(explicit: RunFingerprint? = nil, thisMachine: (() -> Fingerprint)? = nil) {
        self.explicit = explicit
        self.thisMachine = thisMachine
    }

    public func attach(to runs: [Run], from source: ArtifactSource) throws -> [Run] {
        var cache: [String: RunFingerprint?] = [:]
        var machine: Fingerprint?
        return try runs.map { run in
            var run = run
            let beside = try sidecar(for: run.path, in: source, cache: &cache)
            if let own = run.fingerprint {
                // The artifact names its machine: a sidecar written where it ran may add fields, this
                // machine and `--fingerprint` never do.
                if let beside, beside.origin != own.origin {
                    let fields = own.fingerprint.fields.merging(beside.fingerprint.fields) { mine, _ in mine }
                    run.fingerprint = RunFingerprint(fingerprint: Fingerprint(fields: fields), origin: "\(own.origin) and \(beside.origin)")
                }
            } else if let found = beside ?? explicit {
                run.fingerprint = found
            } else if let thisMachine, let tree = source as? WorkingTreeSource, tree.wasProducedHere(run.path) {
                if machine == nil { machine = thisMachine() }
                run.fingerprint = RunFingerprint(fingerprint: machine!, origin: "this machine")
            }
            return run
        }
    }

    private func sidecar(for path: String, in source: ArtifactSource, cache: inout [String: RunFingerprint?]) throws -> RunFingerprint? {
        var parts = path.split(separator: "/").map(String.init)
        let name = parts.removeLast()
        let stem = name.contains(".") ? String(name[..<name.lastIndex(of: ".")!]) : name
        var candidates = [(parts + [stem + ".fingerprint.json"]).joined(separator: "/"), (parts + ["machine.json"]).joined(separator: "/")]
        while true {
            candidates.append((parts + ["fingerprint.json"]).joined(separator: "/"))
            if parts.isEmpty { break }
            parts.removeLast()
        }
        for candidate in candidates {
            if let known = cache[candidate] {
                if let known { return known }
                continue
            }
            guard let bytes = try? source.read(candidate) else {
                cache[candidate] = .some(nil)
                continue
            }
            let found = RunFingerprint(fingerprint: try Self.parse(bytes, path: candidate), origin: candidate)
            cache[candidate] = found
            return found
        }
        return nil
    }

    /// A `fingerprint.json`, or an asv-style `machine.json` (`cpu`, `num_cpu`, `os`, `machine`, ...) in
    /// the field names of a fingerprint.
    static func parse(_ bytes: [UInt8], path: String) throws -> Fingerprint {
        guard path == "machine.json" || path.hasSuffix("/machine.json") else { return try Fingerprint.parse(bytes, path: path) }
        let mapped = ASVAdapter.fingerprint(params: nil, machine: try? JSONParser.parse(bytes))
        return mapped.fields.isEmpty ? try Fingerprint.parse(bytes, path: path) : mapped
    }
}
