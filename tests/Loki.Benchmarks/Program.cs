using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Loki.Benchmarks -- --filter '*' [--job short]
// dotnet run -c Release --project tests/Loki.Benchmarks -- passes --conv convert|load|parse --schema S ...  (build/bench-convert.py)
return args is ["passes", ..]
    ? Loki.Benchmarks.PassRunner.Run(args)
    : RunBenchmarkDotNet(args);

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Loki.Benchmarks.ConversionBenchmarks).Assembly).Run(args);
    return 0;
}
