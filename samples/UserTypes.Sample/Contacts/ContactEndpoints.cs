using UserTypes.Sample.Hosting;

namespace UserTypes.Sample.Contacts;

/// <summary>The contacts resource: each verb is guarded by the data right it needs on <c>contact</c>.</summary>
internal static class ContactEndpoints
{
    public static RouteGroupBuilder MapContacts(this RouteGroupBuilder workspace)
    {
        var contacts = workspace.MapGroup("/contacts");
        contacts.MapGet("/", ListAsync).RequireAuthorization(SamplePolicies.ViewContacts);
        contacts.MapGet("/{id:long}", GetAsync).RequireAuthorization(SamplePolicies.ViewContacts);
        contacts.MapPost("/", CreateAsync).RequireAuthorization(SamplePolicies.CreateContacts);
        contacts.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(SamplePolicies.EditContacts);
        contacts.MapDelete("/{id:long}", DeleteAsync).RequireAuthorization(SamplePolicies.DeleteContacts);
        return workspace;
    }

    private static async Task<IResult> ListAsync(string workspaceId, ContactStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(workspaceId, cancellationToken));

    private static async Task<IResult> GetAsync(string workspaceId, long id, ContactStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(workspaceId, id, cancellationToken) is { } contact ? TypedResults.Ok(contact) : TypedResults.NotFound();

    private static async Task<IResult> CreateAsync(string workspaceId, ContactInput input, ContactStore store, CancellationToken cancellationToken)
    {
        if (!input.TryGetContact(0, out var valid, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var contact = await store.AddAsync(workspaceId, valid.Name, valid.Email, cancellationToken);
        return TypedResults.Created($"/workspaces/{Uri.EscapeDataString(workspaceId)}/contacts/{contact.Id}", contact);
    }

    private static async Task<IResult> UpdateAsync(string workspaceId, long id, ContactInput input, ContactStore store, CancellationToken cancellationToken)
    {
        if (!input.TryGetContact(id, out var contact, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await store.UpdateAsync(workspaceId, contact, cancellationToken) ? TypedResults.Ok(contact) : TypedResults.NotFound();
    }

    private static async Task<IResult> DeleteAsync(string workspaceId, long id, ContactStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(workspaceId, id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
