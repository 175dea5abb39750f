using System.Diagnostics;
using Npgsql;

namespace UserTypes.Tests.Stores;

/// <summary>
/// The throwaway PostgreSQL cluster that <c>.ci/run</c> owns, for tests that restart it under running hosts. It is
/// named by environment variables (<c>.ci/run</c> sets them); tests that need it are ignored without them, as on a
/// developer's own server, which no test may restart.
/// </summary>
internal static class PostgresCluster
{
    private const string Prefix = "USERTYPES_TEST_POSTGRES_";

    /// <summary>Restarts the server (a fast shutdown: every connection is cut) and waits until it accepts connections again.</summary>
    public static void Restart()
    {
        var pgCtl = Variable("CTL");
        var data = Variable("DATA");
        var log = Variable("LOG");
        var osUser = Environment.GetEnvironmentVariable(Prefix + "OS_USER");

        // pg_ctl restarts with the options the server was started with (postmaster.opts).
        string[] command = [pgCtl, "restart", "-D", data, "-l", log, "-m", "fast", "-w", "-t", "60"];
        var start = string.IsNullOrEmpty(osUser)
            ? new ProcessStartInfo(command[0], command[1..])
            : new ProcessStartInfo("runuser", ["-u", osUser, "--", .. command]);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"pg_ctl restart failed ({process.ExitCode}): {output.Result}{errors}");
        }

        // The tests' own pooled connections died with the server.
        NpgsqlConnection.ClearAllPools();
    }

    private static string Variable(string name)
    {
        var value = Environment.GetEnvironmentVariable(Prefix + name);
        if (string.IsNullOrEmpty(value))
        {
            Assert.Ignore($"Restarting PostgreSQL needs {Prefix}CTL, _DATA and _LOG (and _OS_USER when run as root); .ci/run sets them for its own cluster.");
        }

        return value!;
    }
}
