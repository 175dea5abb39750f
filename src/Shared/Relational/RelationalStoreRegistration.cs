using Microsoft.Extensions.DependencyInjection;

namespace UserTypes;

/// <summary>The registration every relational store package shares.</summary>
internal static class RelationalStoreRegistration
{
    /// <summary>Checks the connection string, then makes one <see cref="RelationalStore"/> serve as both stores.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="database">The database's name, for the error message.</param>
    /// <param name="parse">Parses the connection string, throwing when it is invalid.</param>
    /// <param name="dialect">Creates the dialect for a valid connection string and the host's clock.</param>
    /// <returns>The builder.</returns>
    public static UserTypesBuilder AddRelationalStores(
        UserTypesBuilder builder, string connectionString, string database, Action<string> parse, Func<string, TimeProvider, SqlDialect> dialect)
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

        return builder.AddStores(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            return new RelationalStore(dialect(connectionString, time), sp.GetRequiredService<StoreChangeSignal>(), time);
        });
    }
}
