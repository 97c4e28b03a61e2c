using DisclosureCases.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosureCases.Data.Configurations;

public sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.HasIndex(a => a.Code).IsUnique();
        b.Property(a => a.Code).HasMaxLength(40);
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.CaseNumberFormat).HasMaxLength(100);
        b.Property(a => a.ReviewBody).HasMaxLength(200);
        b.Property(a => a.Court).HasMaxLength(200);
        b.Property(a => a.Address).HasMaxLength(300);
        b.Property(a => a.Phone).HasMaxLength(40);
        b.Property(a => a.SealText).HasMaxLength(200);
    }
}

public sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.Property(d => d.Name).HasMaxLength(100);
        b.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> b)
    {
        b.HasKey(c => new { c.AgencyId, c.Year });
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}

public sealed class CaseClockEventConfiguration : IEntityTypeConfiguration<CaseClockEvent>
{
    public void Configure(EntityTypeBuilder<CaseClockEvent> b)
    {
        b.Property(e => e.Kind).HasMaxLength(40);
        b.Property(e => e.Note).HasMaxLength(500);
        b.HasIndex(e => e.CaseId);
    }
}

public sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> b)
    {
        b.Property(d => d.DocumentId).HasMaxLength(60);
        b.Property(d => d.Title).HasMaxLength(100);
        b.Property(d => d.Trigger).HasMaxLength(60);
        b.HasIndex(d => d.CaseId);
    }
}

public sealed class MailingConfiguration : IEntityTypeConfiguration<Mailing>
{
    public void Configure(EntityTypeBuilder<Mailing> b)
    {
        b.Property(m => m.Method).HasMaxLength(40);
        b.Property(m => m.TrackingNumber).HasMaxLength(60);
        b.Property(m => m.ReturnReason).HasMaxLength(500);
        b.HasIndex(m => m.CaseId);
        b.HasIndex(m => m.TrackingNumber);
    }
}

public sealed class StoredWorkflowVersionConfiguration : IEntityTypeConfiguration<StoredWorkflowVersion>
{
    public void Configure(EntityTypeBuilder<StoredWorkflowVersion> b)
    {
        b.HasKey(v => new { v.WorkflowId, v.Version });
        b.Property(v => v.WorkflowId).HasMaxLength(60);
        b.Property(v => v.ContentHash).HasMaxLength(64);
        b.Property(v => v.SourceName).HasMaxLength(200);
    }
}
