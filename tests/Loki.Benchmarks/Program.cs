using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Loki.Benchmarks -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Loki.Benchmarks.ConversionBenchmarks).Assembly).Run(args);
