window.BENCHMARK_DATA = {
  "lastUpdate": 1714896600000,
  "repoUrl": "https://example.com/acme/engine",
  "entries": {
    "Rust Benchmark": [
      {
        "commit": {
          "author": {
            "email": "dev@example.com",
            "name": "Dev",
            "username": "dev"
          },
          "committer": {
            "email": "noreply@example.com",
            "name": "Example Hub",
            "username": "web-flow"
          },
          "distinct": true,
          "id": "686780cab026a3d61fc1ba4c33dd7a1ff49274e7",
          "message": "Add fib benchmarks",
          "timestamp": "2024-05-01T10:00:00+02:00",
          "tree_id": "fe18920df6f891383a8bf956a81901edab7b8eab",
          "url": "https://example.com/acme/engine/commit/686780cab026a3d61fc1ba4c33dd7a1ff49274e7"
        },
        "date": 1714550700123,
        "tool": "cargo",
        "benches": [
          {
            "name": "bench_fib_10",
            "value": 254,
            "range": "± 35",
            "unit": "ns/iter"
          },
          {
            "name": "bench_fib_20",
            "value": 34001,
            "range": "± 2,802",
            "unit": "ns/iter"
          }
        ]
      },
      {
        "commit": {
          "author": {
            "email": "dev@example.com",
            "name": "Dev",
            "username": "dev"
          },
          "committer": {
            "email": "noreply@example.com",
            "name": "Example Hub",
            "username": "web-flow"
          },
          "distinct": true,
          "id": "0f98b1f7eda33a4e9cfaab09506aa8094044085f",
          "message": "Cache parsed tokens",
          "timestamp": "2024-05-02T10:00:00+02:00",
          "tree_id": "9a1df97879a25ff71c9c74d7a7d085c9d485357c",
          "url": "https://example.com/acme/engine/commit/0f98b1f7eda33a4e9cfaab09506aa8094044085f"
        },
        "date": 1714637100123,
        "tool": "cargo",
        "benches": [
          {
            "name": "bench_fib_10",
            "value": 251,
            "range": "± 30",
            "unit": "ns/iter"
          },
          {
            "name": "bench_fib_20",
            "value": 33870,
            "range": "± 2,650",
            "unit": "ns/iter"
          }
        ]
      },
      {
        "commit": {
          "author": {
            "email": "dev@example.com",
            "name": "Dev",
            "username": "dev"
          },
          "committer": {
            "email": "noreply@example.com",
            "name": "Example Hub",
            "username": "web-flow"
          },
          "distinct": true,
          "id": "78b3ba12002f9cab5cbb57fac87d8c703702a196",
          "message": "Inline the hot loop",
          "timestamp": "2024-05-03T10:00:00+02:00",
          "tree_id": "64d56fa4ae306703015996cd8ac31fa6805273d9",
          "url": "https://example.com/acme/engine/commit/78b3ba12002f9cab5cbb57fac87d8c703702a196"
        },
        "date": 1714723500123,
        "tool": "cargo"
      },
      {
        "commit": {
          "author": {
            "email": "dev@example.com",
            "name": "Dev",
            "username": "dev"
          },
          "committer": {
            "email": "noreply@example.com",
            "name": "Example Hub",
            "username": "web-flow"
          },
          "distinct": true,
          "id": "512572f7a6f150f3e8d2734f94ee4b49ae4f67ee",
          "message": "Bump dependencies",
          "timestamp": "2024-05-04T10:00:00+02:00",
          "tree_id": "4513784d2560002bd27f9d63f8476474dc5f09a5",
          "url": "https://example.com/acme/engine/commit/512572f7a6f150f3e8d2734f94ee4b49ae4f67ee"
        },
        "date": 1714809900123,
        "tool": "cargo",
        "benches": [
          {
            "name": "bench_fib_10",
            "value": 252,
            "range": "± 33",
            "unit": "ns/iter"
          },
          {
            "name": "bench_fib_20",
            "value": 30250,
            "range": "± 2,510",
            "unit": "ns/iter"
          }
        ]
      },
      {
        "commit": {
          "author": {
            "email": "dev@example.com",
            "name": "Dev",
            "username": "dev"
          },
          "committer": {
            "email": "noreply@example.com",
            "name": "Example Hub",
            "username": "web-flow"
          },
          "distinct": true,
          "id": "1bcfb39c7785c36d680bf0f930b4884f9ee8629a",
          "message": "Use a faster hasher",
          "timestamp": "2024-05-05T10:00:00+02:00",
          "tree_id": "d4f4db2c35515972a027f5494b1d3d0fc87c1109",
          "url": "https://example.com/acme/engine/commit/1bcfb39c7785c36d680bf0f930b4884f9ee8629a"
        },
        "date": 1714896300123,
        "tool": "cargo",
        "benches": [
          {
            "name": "bench_fib_10",
            "value": 240,
            "range": "± 20",
            "unit": "ns/iter"
          },
          {
            "name": "bench_fib_20",
            "value": 29100,
            "range": "± 1,900",
            "unit": "ns/iter"
          }
        ]
      }
    ],
    "JS Benchmark": [
      {
        "commit": {
          "author": {
            "email": "dev@example.com",
            "name": "Dev",
            "username": "dev"
          },
          "committer": {
            "email": "noreply@example.com",
            "name": "Example Hub",
            "username": "web-flow"
          },
          "distinct": true,
          "id": "686780cab026a3d61fc1ba4c33dd7a1ff49274e7",
          "message": "Add fib benchmarks",
          "timestamp": "2024-05-01T10:00:00+02:00",
          "tree_id": "fe18920df6f891383a8bf956a81901edab7b8eab",
          "url": "https://example.com/acme/engine/commit/686780cab026a3d61fc1ba4c33dd7a1ff49274e7"
        },
        "date": 1714550820456,
        "tool": "benchmarkjs",
        "benches": [
          {
            "name": "String#indexOf",
            "value": 1523104.2,
            "range": "±0.41%",
            "unit": "ops/sec",
            "extra": "95 samples"
          },
          {
            "name": "RegExp#test",
            "value": 88213.5,
            "range": "±1.02%",
            "unit": "ops/sec",
            "extra": "93 samples"
          }
        ]
      },
      {
        "commit": {
          "author": {
            "email": "dev@example.com",
            "name": "Dev",
            "username": "dev"
          },
          "committer": {
            "email": "noreply@example.com",
            "name": "Example Hub",
            "username": "web-flow"
          },
          "distinct": true,
          "id": "0f98b1f7eda33a4e9cfaab09506aa8094044085f",
          "message": "Cache parsed tokens",
          "timestamp": "2024-05-02T10:00:00+02:00",
          "tree_id": "9a1df97879a25ff71c9c74d7a7d085c9d485357c",
          "url": "https://example.com/acme/engine/commit/0f98b1f7eda33a4e9cfaab09506aa8094044085f"
        },
        "date": 1714637220456,
        "tool": "benchmarkjs",
        "benches": [
          {
            "name": "String#indexOf",
            "value": 1518733.9,
            "range": "±0.55%",
            "unit": "ops/sec",
            "extra": "95 samples"
          },
          {
            "name": "RegExp#test",
            "value": 88790.1,
            "range": "±0.87%",
            "unit": "ops/sec",
            "extra": "93 samples"
          }
        ]
      },
      {
        "commit": {
          "author": {
            "email": "dev@example.com",
            "name": "Dev",
            "username": "dev"
          },
          "committer": {
            "email": "noreply@example.com",
            "name": "Example Hub",
            "username": "web-flow"
          },
          "distinct": true,
          "id": "78b3ba12002f9cab5cbb57fac87d8c703702a196",
          "message": "Inline the hot loop",
          "timestamp": "2024-05-03T10:00:00+02:00",
          "tree_id": "64d56fa4ae306703015996cd8ac31fa6805273d9",
          "url": "https://example.com/acme/engine/commit/78b3ba12002f9cab5cbb57fac87d8c703702a196"
        },
        "date": 1714723620456,
        "tool": "benchmarkjs",
        "benches": [
          {
            "name": "String#indexOf",
            "value": 1530021.7,
            "range": "±0.47%",
            "unit": "ops/sec",
            "extra": "95 samples"
          },
          {
            "name": "RegExp#test",
            "value": 91320.4,
            "range": "±0.66%",
            "unit": "ops/sec",
            "extra": "93 samples"
          }
        ]
      },
      {
        "commit": {
          "author": {
            "email": "dev@example.com",
            "name": "Dev",
            "username": "dev"
          },
          "committer": {
            "email": "noreply@example.com",
            "name": "Example Hub",
            "username": "web-flow"
          },
          "distinct": true,
          "id": "512572f7a6f150f3e8d2734f94ee4b49ae4f67ee",
          "message": "Bump dependencies",
          "timestamp": "2024-05-04T10:00:00+02:00",
          "tree_id": "4513784d2560002bd27f9d63f8476474dc5f09a5",
          "url": "https://example.com/acme/engine/commit/512572f7a6f150f3e8d2734f94ee4b49ae4f67ee"
        },
        "date": 1714810020456,
        "tool": "benchmarkjs",
        "benches": [
          {
            "name": "String#indexOf",
            "value": 1526840.3,
            "range": "±0.52%",
            "unit": "ops/sec",
            "extra": "95 samples"
          },
          {
            "name": "RegExp#test",
            "value": 90410.8,
            "range": "±0.91%",
            "unit": "ops/sec",
            "extra": "93 samples"
          }
        ]
      },
      {
        "commit": {
          "author": {
            "email": "dev@example.com",
            "name": "Dev",
            "username": "dev"
          },
          "committer": {
            "email": "noreply@example.com",
            "name": "Example Hub",
            "username": "web-flow"
          },
          "distinct": true,
          "id": "1bcfb39c7785c36d680bf0f930b4884f9ee8629a",
          "message": "Use a faster hasher",
          "timestamp": "2024-05-05T10:00:00+02:00",
          "tree_id": "d4f4db2c35515972a027f5494b1d3d0fc87c1109",
          "url": "https://example.com/acme/engine/commit/1bcfb39c7785c36d680bf0f930b4884f9ee8629a"
        },
        "date": 1714896420456,
        "tool": "benchmarkjs",
        "benches": [
          {
            "name": "String#indexOf",
            "value": 1534411.0,
            "range": "±0.38%",
            "unit": "ops/sec",
            "extra": "95 samples"
          },
          {
            "name": "RegExp#test",
            "value": 92002.6,
            "range": "±0.73%",
            "unit": "ops/sec",
            "extra": "93 samples"
          },
          {
            "name": "Array#sort",
            "value": "n/a",
            "unit": "ops/sec",
            "extra": "the benchmark threw"
          }
        ]
      }
    ]
  }
}