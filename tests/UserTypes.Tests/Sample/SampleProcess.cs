using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace UserTypes.Tests.Sample;

/// <summary>
/// The sample as a newcomer runs it: a real OS process on a free loopback port, its data in a folder of its own,
/// started once its banner is printed. Disposing it kills it and deletes the folder.
/// </summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private SampleProcess(Process process, ConcurrentQueue<string> output, Uri address, string folder) =>
        (_process, _output, Address, Folder) = (process, output, address, folder);

    /// <summary>The address it listens on, as its banner prints it.</summary>
    public Uri Address { get; }

    public string Folder { get; }

    /// <summary>Every line it printed so far, standard output and error.</summary>
    public IReadOnlyCollection<string> Output => _output;

    public static async Task<SampleProcess> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("usertypes-sample-process-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var output = new ConcurrentQueue<string>();
        var bannerPrinted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = DotnetProcess.Start("UserTypes.Sample", ["--urls", address.AbsoluteUri.TrimEnd('/')], folder, environment);
        process.OutputDataReceived += (_, line) =>
        {
            output.Enqueue(line.Data ?? string.Empty);

            // The banner's last line: everything it prints before is in the queue.
            if (line.Data?.Contains("curl -i", StringComparison.Ordinal) == true)
            {
                bannerPrinted.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var sample = new SampleProcess(process, output, address, folder);
        await Task.WhenAny(bannerPrinted.Task, process.WaitForExitAsync(cancellationToken));
        if (bannerPrinted.Task.IsCompleted)
        {
            return sample;
        }

        await sample.DisposeAsync();
        throw new InvalidOperationException($"The sample did not start; it printed:\n{string.Join('\n', output)}");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
        System.IO.Directory.Delete(Folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
