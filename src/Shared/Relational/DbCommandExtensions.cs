using System.Data.Common;

namespace UserTypes;

/// <summary>Small helpers that keep the store's SQL readable.</summary>
internal static class DbCommandExtensions
{
    /// <summary>Creates a command on the transaction's connection.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="sql">The statement.</param>
    /// <param name="parameters">Name and value pairs; <see langword="null"/> becomes SQL NULL.</param>
    /// <returns>The command.</returns>
    public static DbCommand Command(this DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters) =>
        transaction.Connection!.Command(sql, transaction, parameters);

    /// <summary>Creates a command.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="sql">The statement.</param>
    /// <param name="transaction">The transaction, if any.</param>
    /// <param name="parameters">Name and value pairs; <see langword="null"/> becomes SQL NULL.</param>
    /// <returns>The command.</returns>
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is the store's own text; every value travels as a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Add(name, value);
        }

        return command;
    }

    /// <summary>Adds a parameter.</summary>
    /// <param name="command">The command.</param>
    /// <param name="name">The name, without <c>@</c>.</param>
    /// <param name="value">The value; <see langword="null"/> becomes SQL NULL.</param>
    /// <returns>The parameter.</returns>
    public static DbParameter Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();

        // Named as the SQL names it: Microsoft.Data.Sqlite binds every parameter of a command to each of its statements,
        // and a name without its prefix costs four native lookups per statement (and three strings) instead of one.
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Runs a statement and returns the rows it affected.</summary>
    /// <param name="command">The command, disposed afterwards.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows affected.</returns>
    public static async Task<int> RunAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads every row of the first result with <paramref name="read"/>, then runs the batch's later statements.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="command">The command, disposed afterwards.</param>
    /// <param name="read">Maps the current row.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows.</returns>
    public static async Task<List<T>> ReadAllAsync<T>(this DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(read(reader));
                }

                // Some providers run a batch's later statements only when asked for their results.
                while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                {
                }

                return rows;
            }
        }
    }

    /// <summary>Reads a value from a nullable column.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader on a row.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static T? Nullable<T>(this DbDataReader reader, int ordinal)
        where T : struct => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    /// <summary>Reads a string from a nullable column.</summary>
    /// <param name="reader">The reader on a row.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The string, or <see langword="null"/>.</returns>
    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Reads a count, whichever integer type the provider gives it (SQLite and PostgreSQL differ).</summary>
    /// <param name="reader">The reader on a row.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The count.</returns>
    public static int GetCount(this DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
