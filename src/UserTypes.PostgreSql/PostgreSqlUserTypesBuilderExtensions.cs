using Npgsql;
using UserTypes;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses PostgreSQL for the UserTypes stores.</summary>
public static class PostgreSqlUserTypesBuilderExtensions
{
    /// <summary>
    /// Keeps workspaces and accounts in PostgreSQL, shared by any number of host instances. The schema is created
    /// and migrated on first use (in the connection's search path). Every instance listens for changes with
    /// <c>LISTEN</c>/<c>NOTIFY</c> and drops a changed workspace from its caches as soon as the change commits.
    /// </summary>
    /// <param name="builder">The builder from <see cref="UserTypesServiceCollectionExtensions.AddUserTypes(IServiceCollection, Action{UserTypesOptions}?)"/>.</param>
    /// <param name="connectionString">An Npgsql connection string, such as <c>Host=db;Database=app;Username=app;Password=...</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty or not a valid connection string.</exception>
    public static UserTypesBuilder AddPostgreSqlStores(this UserTypesBuilder builder, string connectionString)
    {
        return RelationalStoreRegistration.AddRelationalStores(builder, connectionString, "PostgreSQL", cs => _ = new NpgsqlConnectionStringBuilder(cs), (cs, _) => new PostgreSqlDialect(cs));
    }
}
