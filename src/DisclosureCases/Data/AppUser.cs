using Microsoft.AspNetCore.Identity;

namespace DisclosureCases.Data;

/// <summary>A person who signs in. Every user belongs to exactly one agency and sees only its cases.</summary>
public class AppUser : IdentityUser
{
    public int AgencyId { get; set; }
    public int? DepartmentId { get; set; }
    public string DisplayName { get; set; } = "";
}
