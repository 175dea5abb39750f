using Microsoft.Data.Sqlite;
using UserTypes.Sample.Hosting;

namespace UserTypes.Sample.Contacts;

/// <summary>The contacts of each workspace.</summary>
internal sealed class ContactStore(SampleDatabase database)
{
    /// <summary>The entity name the contacts' data rights are granted on.</summary>
    public const string Entity = "contact";

    public Task CreateTableAsync(CancellationToken cancellationToken) => database.ExecuteAsync(
        """
        CREATE TABLE IF NOT EXISTS sample_contacts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            workspace_id TEXT NOT NULL,
            name TEXT NOT NULL,
            email TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS sample_contacts_workspace ON sample_contacts (workspace_id);
        """,
        cancellationToken);

    public async Task<IReadOnlyList<Contact>> ListAsync(string workspaceId, CancellationToken cancellationToken) => await database.QueryAsync(
        "SELECT id, name, email FROM sample_contacts WHERE workspace_id = $workspace ORDER BY id", Read, cancellationToken, ("$workspace", workspaceId));

    public async Task<Contact?> FindAsync(string workspaceId, long id, CancellationToken cancellationToken) => (await database.QueryAsync(
        "SELECT id, name, email FROM sample_contacts WHERE workspace_id = $workspace AND id = $id", Read, cancellationToken, ("$workspace", workspaceId), ("$id", id))).SingleOrDefault();

    public async Task<Contact> AddAsync(string workspaceId, string name, string email, CancellationToken cancellationToken)
    {
        var id = (long)(await database.ScalarAsync(
            "INSERT INTO sample_contacts (workspace_id, name, email) VALUES ($workspace, $name, $email) RETURNING id",
            cancellationToken,
            ("$workspace", workspaceId),
            ("$name", name),
            ("$email", email)))!;
        return new Contact(id, name, email);
    }

    public async Task<bool> UpdateAsync(string workspaceId, Contact contact, CancellationToken cancellationToken) => await database.ExecuteAsync(
        "UPDATE sample_contacts SET name = $name, email = $email WHERE workspace_id = $workspace AND id = $id",
        cancellationToken,
        ("$name", contact.Name),
        ("$email", contact.Email),
        ("$workspace", workspaceId),
        ("$id", contact.Id)) == 1;

    public async Task<bool> DeleteAsync(string workspaceId, long id, CancellationToken cancellationToken) => await database.ExecuteAsync(
        "DELETE FROM sample_contacts WHERE workspace_id = $workspace AND id = $id", cancellationToken, ("$workspace", workspaceId), ("$id", id)) == 1;

    private static Contact Read(SqliteDataReader row) => new(row.GetInt64(0), row.GetString(1), row.GetString(2));
}
