using DisclosureCases.Domain.Cases;
using DisclosureCases.Proactive;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class ProactiveSuggestionConfiguration : IEntityTypeConfiguration<ProactiveSuggestion>
{
    public void Configure(EntityTypeBuilder<ProactiveSuggestion> b)
    {
        b.Property(s => s.Title).HasMaxLength(SuggestionPlanner.TitleLength);
        b.Property(s => s.Status).HasMaxLength(20);
        b.Property(s => s.DecidedById).HasMaxLength(450);
        b.Property(s => s.DecidedByName).HasMaxLength(100);
        b.Property(s => s.Note).HasMaxLength(1000);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => new { s.AgencyId, s.Status });
        b.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Cases).WithOne().HasForeignKey(c => c.SuggestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProactiveSuggestionCaseConfiguration : IEntityTypeConfiguration<ProactiveSuggestionCase>
{
    public void Configure(EntityTypeBuilder<ProactiveSuggestionCase> b)
    {
        b.HasKey(c => new { c.SuggestionId, c.CaseId });
        b.HasIndex(c => c.CaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
