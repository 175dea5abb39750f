using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace UserTypes.HttpLoad;

/// <summary>The command line, parsed by hand: four options are not worth a package.</summary>
/// <param name="SamplePath">The sample's UserTypes.Sample.dll, or <see langword="null"/> to find the Release build in the repository.</param>
/// <param name="Seconds">How long each scenario is measured, after its warm-up.</param>
/// <param name="Clients">The keep-alive clients of the anonymous, basic and apikey scenarios, and of the anonymous side of the flood.</param>
/// <param name="FloodClients">The flood's clients sending wrong passwords.</param>
internal sealed record HarnessOptions(string? SamplePath, int Seconds, int Clients, int FloodClients)
{
    public const string Usage = "usage: UserTypes.HttpLoad [--sample <path to UserTypes.Sample.dll>] [--seconds N] [--clients N] [--flood N]";

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out HarnessOptions? options, [NotNullWhen(false)] out string? error)
    {
        var parsed = new HarnessOptions(null, Seconds: 5, Clients: 16, FloodClients: 200);
        (options, error) = (null, null);
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (name is not ("--sample" or "--seconds" or "--clients" or "--flood"))
            {
                error = $"Unknown option '{name}'.";
                return false;
            }

            if (i + 1 == args.Count)
            {
                error = $"{name} needs a value.";
                return false;
            }

            var value = args[i + 1];
            if (name == "--sample")
            {
                parsed = parsed with { SamplePath = value };
                continue;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                error = $"{name} needs a whole number of at least 1, not '{value}'.";
                return false;
            }

            parsed = name switch
            {
                "--seconds" => parsed with { Seconds = number },
                "--clients" => parsed with { Clients = number },
                _ => parsed with { FloodClients = number },
            };
        }

        options = parsed;
        return true;
    }
}
