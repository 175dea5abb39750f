namespace UserTypes.HttpLoad;

/// <summary>The sample could not be found or did not come up: the one failure the harness exits non-zero for.</summary>
internal sealed class SampleStartException : Exception
{
    public SampleStartException(string message)
        : base(message)
    {
    }

    public SampleStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
