using Microsoft.AspNetCore.Authorization;
using UserTypes.Sample.Contacts;

namespace UserTypes.Sample.Hosting;

/// <summary>The sample's authorization policies, each decided from the caller's claims by UserTypes.AspNetCore.</summary>
internal static class SamplePolicies
{
    public const string AnyUser = "any-user";
    public const string InternalUsers = "internal-users";
    public const string CreateExternalUsers = "create-external-users";
    public const string ManageRights = "manage-rights";
    public const string ViewContacts = "view-contacts";
    public const string CreateContacts = "create-contacts";
    public const string EditContacts = "edit-contacts";
    public const string DeleteContacts = "delete-contacts";

    public static AuthorizationBuilder AddSamplePolicies(this AuthorizationBuilder policies) => policies
        .AddPolicy(AnyUser, p => p.RequireUserType(UserType.Internal, UserType.External, UserType.Anonymous))
        .AddPolicy(InternalUsers, p => p.RequireUserType(UserType.Internal))
        .AddPolicy(CreateExternalUsers, p => p.RequireFunctionalRight(FunctionalRights.CreateExternalUsers))
        .AddPolicy(ManageRights, p => p.RequireFunctionalRight(FunctionalRights.ManageRights))
        .AddPolicy(ViewContacts, p => p.RequireDataRight(ContactStore.Entity, DataRights.View))
        .AddPolicy(CreateContacts, p => p.RequireDataRight(ContactStore.Entity, DataRights.Create))
        .AddPolicy(EditContacts, p => p.RequireDataRight(ContactStore.Entity, DataRights.Edit))
        .AddPolicy(DeleteContacts, p => p.RequireDataRight(ContactStore.Entity, DataRights.Delete));
}
