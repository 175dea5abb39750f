using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace UserTypes;

/// <summary>The registration every relational store package shares.</summary>
internal static class RelationalStoreRegistration
{
    /// <summary>Checks the connection string, then makes one <see cref="RelationalStore"/> serve as both stores.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="database">The database's name, for the error message.</param>
    /// <param name="parse">Parses the connection string, throwing when it is invalid.</param>
    /// <param name="dialect">Creates the dialect for a valid connection string.</param>
    /// <returns>The builder.</returns>
    public static UserTypesBuilder AddRelationalStores(
        UserTypesBuilder builder, string connectionString, string database, Action<string> parse, Func<string, SqlDialect> dialect)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        try
        {
            parse(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"Not a valid {database} connection string: {e.Message}", nameof(connectionString), e);
        }

        builder.Services.Replace(ServiceDescriptor.Singleton(sp => new RelationalStore(dialect(connectionString), sp.GetRequiredService<WorkspaceChangeSignal>())));
        builder.Services.Replace(ServiceDescriptor.Singleton<IWorkspaceStore>(sp => sp.GetRequiredService<RelationalStore>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<IUserStore>(sp => sp.GetRequiredService<RelationalStore>()));
        return builder;
    }
}
