import Foundation
import TestSupport
import Testing

/// Repositories regress cannot read, or reads only in part: every command gives the same answer,
/// saying what is wrong and what to do, and exits 2; none crashes.
struct HostileRepositoryTests {
    static let commands: [[String]] = [["compare"], ["check"], ["history"], ["noise"], ["baseline", "record"]]

    /// A repository with two commits of one artifact.
    static func twoRuns() throws -> FixtureRepository {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.json", #"{"benchmarks": [{"name": "a", "ms": 1.0}]}"#)
        try fixture.commit("first")
        try fixture.write("bench/r.json", #"{"benchmarks": [{"name": "a", "ms": 1.01}]}"#)
        try fixture.commit("second")
        return fixture
    }

    static func answers(in folder: String) throws -> [String] {
        try commands.map { arguments in
            let output = try regress(arguments, in: folder)
            return "\(arguments.joined(separator: " ")) \(output.status): \(output.stderr)"
        }
    }

    @Test func aFolderOutsideAnyRepository() throws {
        let folder = try TemporaryFolder.make(prefix: "plain")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try Self.answers(in: folder) == Self.commands.map {
            "\($0.joined(separator: " ")) 2: error: . is not inside a git repository: run regress from a clone, or pass --repo PATH\n"
        })
    }

    @Test func aRepositoryWithoutCommits() throws {
        let fixture = try FixtureRepository()
        let compare = try regress(["compare"], in: fixture.path)
        #expect(compare.status == 2)
        #expect(compare.stderr == "error: the repository has no commits yet (the branch main is unborn): " +
                "commit the benchmark results first, or name a revision that exists\n")
        let history = try regress(["history"], in: fixture.path)
        #expect(history.stderr == compare.stderr)
    }

    @Test func aBareRepository() throws {
        let source = try Self.twoRuns()
        let folder = try TemporaryFolder.make(prefix: "bare")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Shell.run("/usr/bin/env", ["git", "clone", "-q", "--bare", source.path, folder + "/r.git"], in: folder)
        let bare = folder + "/r.git"
        let message = "error: \(URL(fileURLWithPath: bare).resolvingSymlinksInPath().path) is a bare repository and has no working tree: name the head side with --head REV\n"
        let compare = try regress(["compare", "HEAD~1"], in: bare)
        #expect(compare.status == 2)
        #expect(compare.stderr == message)
        let revisions = try regress(["compare", "HEAD~1", "--head", "HEAD", "--format", "text"], in: bare)
        #expect(revisions.status == 0)
    }

    @Test func aDetachedHeadIsAnOrdinaryCommit() throws {
        let fixture = try Self.twoRuns()
        try fixture.git(["checkout", "-q", "--detach", "HEAD"])
        let output = try regress(["compare", "--format", "text"], in: fixture.path)
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("regress: passed"))
    }

    @Test func aShallowCloneSaysHowToFetchTheHistory() throws {
        let source = try Self.twoRuns()
        let folder = try TemporaryFolder.make(prefix: "shallow")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Shell.run("/usr/bin/env", ["git", "clone", "-q", "--depth", "1", "file://" + source.path, folder + "/r"], in: folder)
        let output = try regress(["compare", "HEAD~1"], in: folder + "/r")
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("error: history is shallow at "))
        #expect(output.stderr.hasSuffix(": fetch with full depth (`git fetch --unshallow`, or `fetch-depth: 0` with actions/checkout)\n"))
    }

    @Test func aMissingObjectNamesTheCommitAndPathThatNeedIt() throws {
        let fixture = try Self.twoRuns()
        let blob = try fixture.git(["rev-parse", "HEAD~1:bench/r.json"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try fixture.git(["rev-parse", "--short=7", "HEAD~1"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(atPath: fixture.path + "/.git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
        let output = try regress(["compare", "HEAD~1"], in: fixture.path)
        #expect(output.status == 2)
        #expect(output.stderr == "error: object \(blob.prefix(7)) (the content of 'bench/r.json' at commit \(commit)) is missing or corrupt " +
                "(object not found - no match for id (\(blob))): run `git fsck --full` to see what is damaged, " +
                "then fetch it again (`git fetch --refetch`) or clone afresh\n")
        // history reads on past the damaged commit and says which file it could not read.
        let history = try regress(["history", "--format", "text"], in: fixture.path)
        #expect(history.status == 0)
        #expect(history.stdout.contains("note: \(commit): skipped object \(blob.prefix(7)) (the content of 'bench/r.json' at commit \(commit))"))
    }

    /// A repository owned by another user, as a checkout mounted into a CI container is: git refuses
    /// it, and regress says why and how to trust it. Needs root, to give the fixture to `nobody`.
    @Test(.enabled(if: geteuid() == 0)) func aRepositoryOwnedByAnotherUserSaysHowToTrustIt() throws {
        let fixture = try Self.twoRuns()
        try Shell.run("/bin/chown", ["-R", "65534", fixture.path], in: fixture.path)
        // No global configuration: a safe.directory there would trust the fixture.
        let folder = try TemporaryFolder.make(prefix: "home")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let environment = ["HOME": folder, "XDG_CONFIG_HOME": folder, "GIT_CONFIG_NOSYSTEM": "1"]
        let path = URL(fileURLWithPath: fixture.path).resolvingSymlinksInPath().path
        for arguments in Self.commands {
            let output = try Shell.capture(CompareCommandTests.binary, arguments, in: fixture.path, environment: environment)
            #expect(output.status == 2)
            #expect(output.stderr == "error: \(path) is a git repository owned by another user, which git refuses to open " +
                    "(owned by uid 65534, regress runs as uid 0): if you trust it, run `git config --global --add safe.directory \(path)`; " +
                    "in a container job with actions/checkout, add `git config --global --add safe.directory \"$GITHUB_WORKSPACE\"` " +
                    "as a step before regress (or run the container as the user that checked the repository out)\n", "\(arguments)")
        }
        try Data("[safe]\n\tdirectory = \(path)\n".utf8).write(to: URL(fileURLWithPath: folder + "/.gitconfig"))
        let trusted = try Shell.capture(CompareCommandTests.binary, ["compare", "--format", "text"], in: fixture.path, environment: environment)
        #expect(trusted.status == 0)
    }
}

/// What regress writes in a repository stays in it and replaces only regular files.
struct HostileWriteCommandTests {
    @Test func policyInitDoesNotWriteThroughALinkOutOfTheRepository() throws {
        let fixture = try FixtureRepository()
        let outside = try TemporaryFolder.make(prefix: "outside")
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/policies", withDestinationPath: outside)
        let output = try regress(["policy", "init"], in: fixture.path)
        #expect(output.status == 2)
        #expect(output.stderr == "error: cannot write policies/default.yml: policies leads outside the repository (a symbolic link): not followed\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside) == [])
    }

    @Test func demoRefusesADanglingLinkAsItsFolder() throws {
        let folder = try TemporaryFolder.make(prefix: "demo")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/here", withDestinationPath: folder + "/elsewhere")
        let output = try regress(["demo", "--path", folder + "/here"], in: folder)
        #expect(output.status == 2)
        #expect(output.stderr == "error: \(folder)/here already exists: name a new folder for the demo repository\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/elsewhere"))
    }

    @Test func aSecondBaselineRecordWaitsForNoOneAndSaysWhoHoldsTheLock() throws {
        let fixture = try FixtureRepository()
        try fixture.write("bench/r.json", #"{"benchmarks": [{"name": "a", "ms": 1.0}]}"#)
        try fixture.write("bench/fingerprint.json", #"{"regress_fingerprint": 1, "fields": {"cpu.model": "Test CPU"}}"#)
        try fixture.commit("a run")
        // A holder as another process would leave it: the file locked, its first line naming the holder.
        let lock = fixture.path + "/.git/regress-baselines.lock"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [lock, "/bin/sh", "-c", "printf 'process 4242 (regress baseline record)\\n' > '\(lock)'; sleep 30"]
        try holder.run()
        defer { holder.terminate() }
        var output = try regress(["baseline", "record"], in: fixture.path)
        for _ in 0..<50 where output.status == 0 || !output.stderr.contains("4242") {
            usleep(100_000)
            output = try regress(["baseline", "record"], in: fixture.path)
        }
        #expect(output.status == 2)
        #expect(output.stderr == "error: the baselines are being written by process 4242 (regress baseline record), which holds " +
                "\(fixture.path)/.git/regress-baselines.lock: wait for it to finish, then run again\n")
    }
}
