// A separate OS process for the cross-process store tests: it works against the database it is given and prints
// one line per outcome, flushed at once, so the test can count and can kill it mid-run.
//
//   create-external <sqlite|postgresql> <connection> <workspace> <admin> <password> <attempts> <prefix>
//   wrong-password  <sqlite|postgresql> <connection> <workspace> <user> <attempts>
//   create-forever  <sqlite|postgresql> <connection> <workspace> <password> <prefix>
//   burst           <sqlite|postgresql> <connection> <workspace> <user> <password prefix> <attempts> <max-failed-attempts>
//                   (all attempts at once, at work factor 10, as a guesser's parallel burst)
using Microsoft.Extensions.DependencyInjection;
using UserTypes;

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: see the comment at the top of Program.cs");
    return 2;
}

var (command, store, connection, workspace) = (args[0], args[1], args[2], args[3]);
var burst = command == "burst";
var services = new ServiceCollection();
var builder = services.AddUserTypes(o =>
{
    o.Mail.Enabled = false;
    o.Password.WorkFactor = burst ? 10 : 4;
    o.Password.HashingQueueLength = 10_000; // the burst tests the lockout across processes, not the hashing gate
    o.ExternalUsers.Enabled = true;
    o.Lockout.MaxFailedAttempts = burst ? Count(args[7]) : 1000;
});
_ = store == "sqlite" ? builder.AddSqliteStores(connection) : builder.AddPostgreSqlStores(connection);
await using var provider = services.BuildServiceProvider();
var users = provider.GetRequiredService<IUserDirectory>();
var authenticator = provider.GetRequiredService<IAuthenticator>();

switch (command)
{
    case "create-external":
        var admin = await authenticator.AuthenticateAsync(workspace, new PasswordCredentials(args[4], args[5]), ClientKind.ServiceAgent);
        for (var i = 0; i < Count(args[6]); i++)
        {
            try
            {
                var account = await users.CreateExternalUserAsync(admin, $"person-{args[7]}-{i}", $"{args[7]}-{i}", $"{args[7]}-{i}@partner.example", "partner password");
                Console.WriteLine($"created {account.Id}");
            }
            catch (SeatLimitExceededException)
            {
                Console.WriteLine("full");
            }
        }

        return 0;

    case "wrong-password":
        for (var i = 0; i < Count(args[5]); i++)
        {
            try
            {
                await authenticator.AuthenticateAsync(workspace, new PasswordCredentials(args[4], "not the password"), ClientKind.ServiceAgent);
                Console.WriteLine("succeeded?");
            }
            catch (AuthenticationFailedException e)
            {
                Console.WriteLine($"failed {e.Reason}");
            }
        }

        return 0;

    case "burst":
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // A different guess each, as a guesser sends: the same password sent twice at once is verified once.
            var attempts = Enumerable.Range(0, Count(args[6])).Select(i => Task.Run(async () =>
            {
                await start.Task;
                try
                {
                    await authenticator.AuthenticateAsync(workspace, new PasswordCredentials(args[4], $"{args[5]} {i}"), ClientKind.ServiceAgent);
                    return "succeeded";
                }
                catch (AuthenticationFailedException e)
                {
                    return $"failed {e.Reason}";
                }
            })).ToList();
            start.SetResult();
            foreach (var outcome in await Task.WhenAll(attempts))
            {
                Console.WriteLine(outcome);
            }
        }

        return 0;

    case "create-forever":
        for (var i = 0; ; i++)
        {
            var account = await users.CreateInternalUserAsync(workspace, $"{args[5]}-{i}", $"{args[5]}-{i}@softr.io", args[4]);
            Console.WriteLine($"created {account.Id} {account.UserName}");
        }

    default:
        Console.Error.WriteLine($"unknown command '{command}'");
        return 2;
}

static int Count(string argument) => int.Parse(argument, System.Globalization.CultureInfo.InvariantCulture);

// Internal, so the tests that host the sample see one public Program (ASP.NET Core makes a top-level Program public).
internal partial class Program;
