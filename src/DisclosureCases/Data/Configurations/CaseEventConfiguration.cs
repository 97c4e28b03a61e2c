using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.HasIndex(e => new { e.CaseId, e.Sequence }).IsUnique();
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.Kind).HasMaxLength(40);
        b.Property(e => e.Trigger).HasMaxLength(60);
        b.Property(e => e.FromState).HasMaxLength(60);
        b.Property(e => e.ToState).HasMaxLength(60);
        b.Property(e => e.Summary).HasMaxLength(1000);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
