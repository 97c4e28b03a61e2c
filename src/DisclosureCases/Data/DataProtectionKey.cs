namespace DisclosureCases.Data;

/// <summary>
/// One ASP.NET Core Data Protection key (its XML as the key manager writes it). Kept in the application's database so that
/// every node of an installation signs and reads the same sign-in cookies and anti-forgery tokens.
/// </summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}
