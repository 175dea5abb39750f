namespace UserTypes;

/// <summary>
/// One answer of a compiled workspace, built once when the workspace is compiled. The hot path hands out this
/// reference and returns <see cref="Completed"/> as it is: measured, copying a ready task is cheaper than returning
/// the 16-byte classification by value and wrapping it in a new one on every call.
/// </summary>
internal sealed class ClassificationAnswer(UserClassification classification)
{
    // Kept beside Completed rather than read back through Completed.Result: measured, reading it back made the hot
    // path slower (the figures are in benchmarks/README.md).

    /// <summary>The classification.</summary>
    public UserClassification Classification { get; } = classification;

    /// <summary>The classification as a completed task.</summary>
    public ValueTask<UserClassification> Completed { get; } = new(classification);
}
