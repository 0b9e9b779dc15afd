/// Finds the fingerprint of each run. What the artifact itself carries comes first; the first found of
/// these fills in the fields it lacks (or is the whole fingerprint of an artifact that carries none):
/// 1. a sidecar `<name>.fingerprint.json` beside the artifact (`bench/r.fingerprint.json` for `bench/r.csv`);
/// 2. a `fingerprint.json` in the artifact's folder or the nearest folder above it;
/// 3. the `--fingerprint` file;
/// 4. for the working tree only, this machine: by default when the artifact was produced here (it is
///    untracked or differs from its committed version; one checked out unchanged came from elsewhere),
///    or always when `everyWorkingTreeRun` is set, as `check` and `baseline` do right after a benchmark run.
public struct FingerprintLocator {
    public var explicit: RunFingerprint?
    public var thisMachine: (() -> Fingerprint)?
    public var everyWorkingTreeRun: Bool

    public init(explicit: RunFingerprint? = nil, thisMachine: (() -> Fingerprint)? = nil, everyWorkingTreeRun: Bool = false) {
        self.explicit = explicit
        self.thisMachine = thisMachine
        self.everyWorkingTreeRun = everyWorkingTreeRun
    }

    public func attach(to runs: [Run], from source: ArtifactSource) throws -> [Run] {
        var cache: [String: RunFingerprint?] = [:]
        var machine: Fingerprint?
        return try runs.map { run in
            var run = run
            var found = try sidecar(for: run.path, in: source, cache: &cache) ?? explicit
            if found == nil, let thisMachine, let tree = source as? WorkingTreeSource, everyWorkingTreeRun || tree.wasProducedHere(run.path) {
                if machine == nil { machine = thisMachine() }
                found = RunFingerprint(fingerprint: machine!, origin: "this machine")
            }
            // What the artifact itself says wins; the other sources fill in the fields it does not carry.
            if let own = run.fingerprint, let found {
                let fields = own.fingerprint.fields.merging(found.fingerprint.fields) { mine, _ in mine }
                run.fingerprint = RunFingerprint(fingerprint: Fingerprint(fields: fields), origin: "\(own.origin) and \(found.origin)")
            } else if run.fingerprint == nil {
                run.fingerprint = found
            }
            return run
        }
    }

    private func sidecar(for path: String, in source: ArtifactSource, cache: inout [String: RunFingerprint?]) throws -> RunFingerprint? {
        var parts = path.split(separator: "/").map(String.init)
        let name = parts.removeLast()
        let stem = name.contains(".") ? String(name[..<name.lastIndex(of: ".")!]) : name
        var candidates = [(parts + [stem + ".fingerprint.json"]).joined(separator: "/")]
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
            let found = RunFingerprint(fingerprint: try Fingerprint.parse(bytes, path: candidate), origin: candidate)
            cache[candidate] = found
            return found
        }
        return nil
    }
}
