using DisclosureCases.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class ReviewEventConfiguration : IEntityTypeConfiguration<ReviewEvent>
{
    public void Configure(EntityTypeBuilder<ReviewEvent> b)
    {
        b.HasIndex(e => new { e.ReviewCaseId, e.Sequence }).IsUnique();
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.Kind).HasMaxLength(40);
        b.Property(e => e.Trigger).HasMaxLength(60);
        b.Property(e => e.FromState).HasMaxLength(60);
        b.Property(e => e.ToState).HasMaxLength(60);
        b.Property(e => e.Summary).HasMaxLength(1000);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasOne<ReviewCase>().WithMany().HasForeignKey(e => e.ReviewCaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
