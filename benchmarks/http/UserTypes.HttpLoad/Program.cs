// The HTTP load harness: dotnet run -c Release --project benchmarks/http/UserTypes.HttpLoad
// Starts the sample as a separate process, runs the anonymous, basic, apikey and flood scenarios against it in that
// order, and prints every figure and goal as markdown on standard output (progress and the sample's own output go to
// standard error). It measures, it does not test: a missed goal still exits 0. Exit 1: the sample did not start;
// 2: a wrong option; 130: interrupted.
using System.Runtime.InteropServices;
using UserTypes.HttpLoad;

if (!HarnessOptions.TryParse(args, out var options, out var error))
{
    await Console.Error.WriteLineAsync(error);
    await Console.Error.WriteLineAsync(HarnessOptions.Usage);
    return 2;
}

// Ctrl+C and SIGTERM cancel the run instead of ending the process, so that the sample is killed and its folder deleted.
using var interrupted = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);

try
{
    var samplePath = SampleHost.Locate(options.SamplePath);
    await using var sample = await SampleHost.StartAsync(samplePath, LoadScenarios.MePath, Console.Error, interrupted.Token);
    await Console.Error.WriteLineAsync($"The sample answers at {sample.BaseAddress}.");
    var report = await new LoadScenarios(sample.BaseAddress, options, Console.Error).RunAsync(samplePath, interrupted.Token);
    if (sample.ExitCode is { } exitCode)
    {
        await Console.Error.WriteLineAsync($"The sample exited with code {exitCode} during the run: the figures after that are connection errors.");
    }

    report.WriteTo(Console.Out);
    return 0;
}
catch (SampleStartException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 1;
}
catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Interrupted: the sample was stopped.");
    return 130;
}

void Interrupt(PosixSignalContext context)
{
    context.Cancel = true;
    interrupted.Cancel();
}
