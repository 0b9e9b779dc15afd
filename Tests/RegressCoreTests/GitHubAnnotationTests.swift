@testable import RegressCore
import Testing

/// `--github`: workflow annotations, one per item, capped as GitHub shows them, escaped as GitHub reads them.
struct GitHubAnnotationTests {
    @Test func failingItemsAreErrorsAndWarningsOnlyWarnMostHarmfulFirst() {
        let lines = GitHubAnnotations.render(MarkdownReportTests.everySection()).split(separator: "\n").map(String.init)
        let amd: String = Fingerprint(fields: ["cpu.model": "AMD EPYC 7763", "os.name": "Linux"]).id
        let intel: String = Fingerprint(fields: ["cpu.model": "Intel Xeon Platinum 8370C", "os.name": "Linux"]).id
        let incomparable: String = "::error title=Incomparable%3A bench/gpu.json::bench/gpu.json: base from bench/fingerprint.json (fingerprint "
            + amd + "), head from bench/fingerprint.json (fingerprint " + intel + "); differing: cpu.model"
        let expected: [String] = [
            "::error file=bench/kernels.json,title=Regression +27.3%25%3A BM_Gemm/m%3A1024/n%3A1024/k%3A512/threads%3A8/real_time real_time::"
                + "bench/kernels.json: 812 ns → 1034 ns (+27.3%25)",
            "::error file=bench/llm.csv,title=Regression +20.0%25%3A llama3 ttft_s::bench/llm.csv: 0.5 s → 0.6 s (+20.0%25); beyond 3σ of the noise of 8 runs",
            "::error file=bench/prompts.csv,title=Failed run%3A bench/prompts.csv::bench/prompts.csv: all 1 records failed, the run produced no measurement: server down",
            incomparable,
            "::warning file=bench/llm.csv,title=Regression +10.0%25%3A mistral ttft_s::bench/llm.csv: 0.4 s → 0.44 s (+10.0%25)",
            "::warning title=Missing%3A bench/old.csv::1 metric in the baseline, not in the head",
            "::warning title=New%3A bench/llm.csv::1 metric with no baseline",
        ]
        #expect(lines == expected)
    }

    @Test func atMostTenOfEachLevelAndANoticeCountsTheRest() {
        let lines = GitHubAnnotations.render(MarkdownReportTests.regressions(25)).split(separator: "\n")
        #expect(lines.count == 11)
        #expect(lines.prefix(10).allSatisfy { $0.hasPrefix("::error file=bench/kernels/suite_") })
        #expect(lines[0] == "::error file=bench/kernels/suite_0.json,title=Regression +12.4%25%3A BM_Conv2D/batch%3A24/channels%3A64/real_time real_time::"
            + "bench/kernels/suite_0.json: 1000 ns → 1124 ns (+12.4%25)")
        #expect(lines[10] == "::notice title=regress::15 more errors not annotated (GitHub shows 10 of each per step); the report lists them all")
    }

    @Test func messagesAndPropertiesAreEscapedAsGitHubReadsThem() {
        #expect(GitHubAnnotations.data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
        #expect(GitHubAnnotations.property("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext%3A a%2Cb")
        #expect(GitHubAnnotations.data("bell\u{07}") == "bell\\x07")
        #expect(GitHubAnnotations.render(MarkdownReportTests.comparison([])) == "")
    }
}
