namespace UserTypes.HttpLoad;

/// <summary>A markdown table padded to its widest cells, so that it reads as plain text in a terminal as well.</summary>
internal sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void WriteTo(TextWriter output)
    {
        var widths = headers.Select((header, column) => _rows.Select(row => row[column].Length).Append(header.Length).Max()).ToArray();
        output.WriteLine(Line(headers));
        output.WriteLine(Line(widths.Select(width => new string('-', width)).ToArray()));
        foreach (var row in _rows)
        {
            output.WriteLine(Line(row));
        }

        string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((cell, column) => cell.PadRight(widths[column]))) + " |";
    }
}
