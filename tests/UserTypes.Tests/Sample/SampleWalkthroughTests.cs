using System.Text;
using System.Text.RegularExpressions;

namespace UserTypes.Tests.Sample;

/// <summary>
/// Sends every request of <c>UserTypes.Sample.http</c>, in order and with the cookies the login sets, to the sample
/// host, so the walkthrough a newcomer follows is proven to answer as its titles say: the status in brackets where a
/// title names one, else success.
/// </summary>
public sealed partial class SampleWalkthroughTests
{
    [Test]
    public async Task EveryRequestOfTheWalkthrough_AnswersAsItsTitleSays()
    {
        await using var factory = new SampleFactory();
        using var client = factory.CreateClient();
        var requests = Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Sample", "UserTypes.Sample.http")));
        var answers = new List<string>();

        foreach (var (title, request, expected) in requests)
        {
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var met = expected is { } code ? status == code : status is >= 200 and < 300;
            answers.Add($"{(met ? "ok  " : "FAIL")} {status} {title}");
        }

        requests.Should().HaveCountGreaterThanOrEqualTo(10);
        answers.Should().AllSatisfy(answer => answer.Should().StartWith("ok"), string.Join('\n', answers));
    }

    // The REST Client format, as much of it as the walkthrough uses: @variables, ### titles, a request line, headers,
    // a blank line and a body; Basic credentials may be written as user:password.
    private static List<(string Title, HttpRequestMessage Request, int? Expected)> Parse(string text)
    {
        var variables = text.Split('\n').Where(line => line.StartsWith('@')).Select(line => line.TrimEnd('\r')[1..].Split('=', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());
        string Expand(string value) => Variable().Replace(value, match => Expand(variables[match.Groups[1].Value]));
        var requests = new List<(string, HttpRequestMessage, int?)>();
        foreach (var block in text.Split("###").Skip(1))
        {
            var lines = block.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
            var title = lines[0].Trim();
            var start = lines.FindIndex(1, line => line.Length > 0 && !line.StartsWith('#'));
            var requestLine = Expand(lines[start]).Split(' ', 2);
            var request = new HttpRequestMessage(new HttpMethod(requestLine[0]), new Uri(requestLine[1]).PathAndQuery);
            var index = start + 1;
            string? contentType = null;
            for (; index < lines.Count && lines[index].Length > 0; index++)
            {
                var (name, value) = (lines[index][..lines[index].IndexOf(':', StringComparison.Ordinal)], lines[index][(lines[index].IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = value;
                }
                else if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && value.StartsWith("Basic ", StringComparison.Ordinal))
                {
                    request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(value["Basic ".Length..])));
                }
                else
                {
                    request.Headers.Add(name, value);
                }
            }

            var body = string.Join('\n', lines.Skip(index)).Trim();
            if (body.Length > 0)
            {
                request.Content = new StringContent(Expand(body), Encoding.UTF8, contentType ?? "text/plain");
            }

            var expected = ExpectedStatus().Match(title);
            requests.Add((title, request, expected.Success ? int.Parse(expected.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null));
        }

        return requests;
    }

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\((\d{3})\)")]
    private static partial Regex ExpectedStatus();
}
