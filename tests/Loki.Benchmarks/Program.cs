// dotnet run -c Release --project tests/Loki.Benchmarks -- --filter '*' [--job short]
// dotnet run -c Release --project tests/Loki.Benchmarks -- passes --conv convert|load|parse --schema S ...  (build/bench-convert.py)
// The Native AOT build (-p:LokiNative=true) has `passes` only: BenchmarkDotNet needs the JIT.
#if LOKI_NATIVE
return args is ["passes", ..]
    ? Loki.Benchmarks.PassRunner.Run(args)
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("the native harness runs `passes` only (see tests/Loki.Benchmarks/PassRunner.cs)");
    return 2;
}
#else
using BenchmarkDotNet.Running;

return args is ["passes", ..]
    ? Loki.Benchmarks.PassRunner.Run(args)
    : RunBenchmarkDotNet(args);

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Loki.Benchmarks.ConversionBenchmarks).Assembly).Run(args);
    return 0;
}
#endif
