using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class ReviewCaseConfiguration : IEntityTypeConfiguration<ReviewCase>
{
    public void Configure(EntityTypeBuilder<ReviewCase> b)
    {
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.AgencyId, c.State, c.NextDue });
        b.HasIndex(c => new { c.AgencyId, c.Kind, c.FiledOn });
        b.Property(c => c.WorkflowId).HasMaxLength(60);
        b.Property(c => c.WorkflowHash).HasMaxLength(64);
        b.Property(c => c.State).HasMaxLength(60);
        b.Property(c => c.Body).HasMaxLength(200);
        b.Property(c => c.BodyCaseNumber).HasMaxLength(100);
        b.Property(c => c.ApplicantName).HasMaxLength(200);
        b.Property(c => c.ActChallenged).HasMaxLength(1000);
        b.Property(c => c.Result).HasMaxLength(60);
        b.Property(c => c.ResultContent).HasMaxLength(4000);
        b.Property(c => c.ReportNote).HasMaxLength(1000);
        b.Property(c => c.NextDueKey).HasMaxLength(40);
        b.Property(c => c.UpdatedBy).HasMaxLength(100);
        b.Property(c => c.AuditHead).HasMaxLength(64);
        b.Ignore(c => c.IsDecided);
        b.Ignore(c => c.KindTitle);
        b.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReviewCase>().WithMany().HasForeignKey(c => c.PreviousId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Links).WithOne().HasForeignKey(l => l.ReviewCaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
