// Usage: dotnet run --project tools/MigrationsGen -- <MigrationName> <path to src/DisclosureCases>
using DisclosureCases.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

var name = args[0];
var projectDir = Path.GetFullPath(args[1]);
Scaffold(new SqliteDesignTimeFactory().CreateDbContext([]), "Sqlite",
    sc => new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices().ConfigureDesignTimeServices(sc));
Scaffold(new PostgresDesignTimeFactory().CreateDbContext([]), "Postgres",
    sc => new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices().ConfigureDesignTimeServices(sc));

void Scaffold(DbContext db, string folder, Action<IServiceCollection> provider)
{
    var services = new ServiceCollection();
    services.AddEntityFrameworkDesignTimeServices();
    services.AddDbContextDesignTimeServices(db);
    provider(services);
    using var sp = services.BuildServiceProvider();
    var scaffolder = sp.GetRequiredService<IMigrationsScaffolder>();
    var ns = $"Data.Migrations.{folder}";
    var migration = scaffolder.ScaffoldMigration(name, "DisclosureCases", ns, "C#");
    var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Data", "Migrations", folder));
    Console.WriteLine($"{folder}: {files.MigrationFile}");
}
