using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace UserTypes.HttpLoad;

/// <summary>
/// The sample running as a separate process, on a fresh database in a temporary folder, so that the load crosses a
/// real socket and the harness's own work is not counted as the server's. Disposing it kills the process tree and
/// deletes the folder.
/// </summary>
internal sealed class SampleHost : IAsyncDisposable
{
    public const string DefaultSamplePath = "samples/UserTypes.Sample/bin/Release/net10.0/UserTypes.Sample.dll";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private SampleHost(Process process, DirectoryInfo folder, Uri baseAddress)
    {
        (_process, _folder) = (process, folder);
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The sample's exit code if it has stopped on its own, which leaves the figures after it meaningless.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The sample's assembly: the one given, else the Release build of the repository this runs in.</summary>
    /// <exception cref="SampleStartException">The assembly is not there.</exception>
    public static string Locate(string? samplePath)
    {
        if (samplePath is not null)
        {
            return File.Exists(samplePath) ? Path.GetFullPath(samplePath) : throw new SampleStartException($"There is no sample at {samplePath}.");
        }

        var root = FindRepositoryRoot()
            ?? throw new SampleStartException("UserTypes.sln was not found above the current folder or the harness; pass --sample <path to UserTypes.Sample.dll>.");
        var path = Path.Combine(root, DefaultSamplePath);
        return File.Exists(path)
            ? path
            : throw new SampleStartException($"There is no sample at {path}: run `dotnet build samples/UserTypes.Sample -c Release` in {root} first.");
    }

    /// <summary>Starts the sample and waits until it answers <paramref name="readinessPath"/>, whatever the status.</summary>
    /// <exception cref="SampleStartException">It could not be started, stopped, or did not answer within a minute.</exception>
    public static async Task<SampleHost> StartAsync(string samplePath, string readinessPath, TextWriter log, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("usertypes-httpload-");
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { samplePath, "--urls", baseAddress.ToString().TrimEnd('/') },
            WorkingDirectory = folder.FullName,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__UserTypes"] = $"Data Source={Path.Combine(folder.FullName, "usertypes-sample.db")}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",

                // The sample's per-client limits would turn most of the load into 429s: every client here is 127.0.0.1.
                ["Sample__CredentialRequestsPerMinute"] = "100000000",
                ["Sample__ServiceCallsPerMinute"] = "100000000",
                ["Sample__ApiKeyCallsPerMinute"] = "100000000",
            },
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new SampleStartException("dotnet did not start a process.");
        }
        catch (Exception exception) when (exception is not SampleStartException)
        {
            folder.Delete(recursive: true);
            throw new SampleStartException($"`dotnet {samplePath}` could not be started: {exception.Message}", exception);
        }

        // The console logger writes to standard output, so both streams go to the harness's standard error: its
        // standard output is left to the table.
        process.OutputDataReceived += (_, line) => Forward(log, line.Data);
        process.ErrorDataReceived += (_, line) => Forward(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new SampleHost(process, folder, baseAddress);
        try
        {
            await host.WaitUntilAnsweringAsync(readinessPath, cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using (var exited = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _process.WaitForExitAsync(exited.Token);
            }
            catch (OperationCanceledException)
            {
                // Not gone after ten seconds of SIGKILL: the folder may still be open; it is deleted as far as it can be.
            }
        }

        _process.Dispose();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"The sample's folder {_folder.FullName} could not be deleted: {exception.Message}");
        }
    }

    private async Task WaitUntilAnsweringAsync(string readinessPath, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new SampleStartException($"The sample exited with code {_process.ExitCode} before it answered.");
            }

            try
            {
                using var response = await client.GetAsync(readinessPath, cancellationToken);
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (Stopwatch.GetElapsedTime(started) > StartTimeout)
                {
                    throw new SampleStartException($"The sample did not answer GET {readinessPath} within {StartTimeout.TotalSeconds} s.", exception);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private static void Forward(TextWriter log, string? line)
    {
        if (line is not null)
        {
            log.WriteLine($"[sample] {line}");
        }
    }

    // The port is free when asked and handed to the sample at once; another process taking it in between makes the
    // sample fail to bind, which is reported as a failed start.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "UserTypes.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        return null;
    }
}
