using BenchmarkDotNet.Running;

// Run everything: dotnet run -c Release --project benchmarks/UserTypes.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
