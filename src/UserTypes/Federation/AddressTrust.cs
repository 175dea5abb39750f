namespace UserTypes;

/// <summary>How far an issuer's word on an identity's address goes.</summary>
public enum AddressTrust
{
    /// <summary>The address is not known to be the person's: the person is external, and the address is not kept.</summary>
    None,

    /// <summary>
    /// The issuer verified the mailbox but has no say over its domain: the person is external, and the address is not
    /// kept, looked up or followed (the issuer's administrator could have marked any address verified).
    /// </summary>
    VerifiedMailbox,

    /// <summary>The issuer speaks for the address's domain: the workspace's rule classifies the address.</summary>
    DomainAuthority,
}
