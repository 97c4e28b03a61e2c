namespace DisclosureCases.Domain.Cases;

/// <summary>An agency (机关) handling applications; every user and case belongs to exactly one.</summary>
public class Agency
{
    public int Id { get; set; }
    /// <summary>Short code used on the command line and in exports, e.g. <c>JAGHZY</c>.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Case-number pattern; tokens <c>{year}</c> and <c>{seq:0000}</c>, e.g. <c>静规资信〔{year}〕第{seq:0000}号</c>.</summary>
    public string CaseNumberFormat { get; set; } = "{year}-{seq:0000}";
    /// <summary>复议机关 named in the remedies clause: 本级人民政府 for a district or city department, the 上一级主管部门 for vertical agencies.</summary>
    public string ReviewBody { get; set; } = "";
    /// <summary>The competent court named in the remedies clause.</summary>
    public string Court { get; set; } = "";
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    public string SealText { get; set; } = "";
    public bool IsVertical { get; set; }
}

/// <summary>A department (处室) of an agency; cases can be routed to one.</summary>
public class Department
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>Last case number issued per agency and year; incremented inside the registering transaction.</summary>
public class CaseNumberCounter
{
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
    public int Version { get; set; }
}
