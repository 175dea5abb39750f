namespace UserTypes;

/// <summary>Where a login comes from.</summary>
public enum ClientKind
{
    /// <summary>A web application in a browser.</summary>
    WebApplication,

    /// <summary>A call to the service layer (an API or service agent).</summary>
    ServiceAgent,

    /// <summary>The installed desktop client. Only internal users may use it.</summary>
    DesktopClient,
}
