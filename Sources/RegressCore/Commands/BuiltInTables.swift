/// The tables regress builds on their first use whatever the repository holds: the default artifact
/// globs and exclusions, and the built-in policy (parsed from its YAML text).
public enum BuiltInTables {
    /// Builds them now: the executable does it while libgit2 starts on another thread, time the main
    /// thread would otherwise spend waiting.
    public static func prepare() {
        _ = Configuration.defaultGlobs
        _ = Configuration.alwaysExcluded
        _ = Configuration.defaultExcluded
        _ = PolicySet.builtInDefault
    }
}
