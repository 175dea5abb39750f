namespace UserTypes.Stores;

/// <summary>
/// Everything UserTypes keeps, as one type a store package implements and registers with
/// <c>UserTypesBuilder.AddStores&lt;TStore&gt;()</c>. Every capability is required; the services depend on the small
/// interfaces, so each one's constructor shows what it reads and writes.
/// </summary>
public interface IUserTypesStore : IWorkspaceStore, IUserAccountStore, IUserLockoutStore, IUserClassificationStore, IAccountTokenStore, IUserSessionStore, IApiKeyStore, IAuditStore, IFederatedIdentityStore
{
}
