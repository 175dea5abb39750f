namespace UserTypes;

/// <summary>What a user may do with the records of one entity (<c>contact</c>, <c>sale</c>, ... or <c>*</c> for every entity).</summary>
[Flags]
public enum DataRights
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Read records.</summary>
    View = 1,

    /// <summary>Add records.</summary>
    Create = 2,

    /// <summary>Change records.</summary>
    Edit = 4,

    /// <summary>Remove records.</summary>
    Delete = 8,

    /// <summary>Every data right.</summary>
    All = View | Create | Edit | Delete,
}
