namespace DisclosureCases.Web.Startup;

/// <summary>Realistic demo cases, driven through the real workflow so their records and clocks are genuine.</summary>
public sealed class DemoCases
{
    public Task CreateAsync(int agencyId, int count, CancellationToken ct) => Task.CompletedTask;
}
