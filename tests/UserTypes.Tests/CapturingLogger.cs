using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace UserTypes.Tests;

/// <summary>Keeps every log entry, formatted, for tests to read.</summary>
internal sealed class CapturingLogger<T>(ConcurrentQueue<(LogLevel Level, EventId EventId, string Message)> entries) : ILogger<T>
{
    public CapturingLogger()
        : this(new())
    {
    }

    // Loggers of several categories may share one queue, to read a flow's entries in order.
    public ConcurrentQueue<(LogLevel Level, EventId EventId, string Message)> Entries { get; } = entries;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, eventId, formatter(state, exception)));
}
