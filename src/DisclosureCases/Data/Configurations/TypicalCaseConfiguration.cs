using DisclosureCases.Domain.Cases;
using DisclosureCases.Similarity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class TypicalCaseConfiguration : IEntityTypeConfiguration<TypicalCase>
{
    public void Configure(EntityTypeBuilder<TypicalCase> b)
    {
        b.Ignore(t => t.Active);
        b.Property(t => t.Note).HasMaxLength(TypicalCases.NoteLength);
        b.Property(t => t.MarkedById).HasMaxLength(450);
        b.Property(t => t.MarkedByName).HasMaxLength(100);
        b.Property(t => t.WithdrawnByName).HasMaxLength(100);
        b.Property(t => t.WithdrawnReason).HasMaxLength(TypicalCases.ReasonLength);
        b.HasIndex(t => new { t.AgencyId, t.WithdrawnAt });
        b.HasIndex(t => t.CaseId);
        b.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
