namespace UserTypes;

/// <summary>
/// The free-mail providers UserTypes knows out of the box. A collaborator on one of these domains does not make
/// the provider's other users internal, and none can be a signup domain.
/// </summary>
internal static class PublicEmailDomains
{
    /// <summary>The built-in list, canonical (lower-case ASCII).</summary>
    public static readonly IReadOnlyList<string> BuiltIn =
    [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "hotmail.de",
        "hotmail.it", "hotmail.es", "live.com", "live.co.uk", "live.fr", "msn.com", "passport.com",
        "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.it", "yahoo.es", "yahoo.co.jp", "yahoo.com.br",
        "ymail.com", "rocketmail.com", "aol.com", "aim.com", "icloud.com", "me.com", "mac.com",
        "proton.me", "protonmail.com", "protonmail.ch", "pm.me", "tutanota.com", "tuta.io", "gmx.com", "gmx.net",
        "gmx.de", "gmx.at", "gmx.ch", "web.de", "t-online.de", "freenet.de", "mail.com", "email.com",
        "zoho.com", "zohomail.com", "yandex.com", "yandex.ru", "ya.ru", "mail.ru", "bk.ru", "inbox.ru", "list.ru",
        "qq.com", "163.com", "126.com", "sina.com", "naver.com", "daum.net", "hanmail.net", "rediffmail.com",
        "fastmail.com", "hushmail.com", "mailfence.com", "posteo.de", "orange.fr", "wanadoo.fr", "free.fr",
        "laposte.net", "sfr.fr", "libero.it", "virgilio.it", "seznam.cz", "wp.pl", "o2.pl", "interia.pl",
        "onet.pl", "btinternet.com", "sky.com", "comcast.net", "verizon.net", "att.net", "bellsouth.net",
        "cox.net", "sbcglobal.net", "shaw.ca", "rogers.com", "bigpond.com", "optusnet.com.au", "uol.com.br",
        "bol.com.br", "terra.com.br",
    ];
}
