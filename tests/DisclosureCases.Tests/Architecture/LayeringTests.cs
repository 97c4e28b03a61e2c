using System.Reflection;
using System.Text.RegularExpressions;
using DisclosureCases.Tests.Support;

namespace DisclosureCases.Tests.Architecture;

/// <summary>Domain/ and Workflow/ stay pure: no EF Core, ASP.NET Core or Quartz, in source or in compiled types.</summary>
public class LayeringTests
{
    static readonly string[] Forbidden = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Quartz"];
    public static TheoryData<string> PureFolders => new() { "Domain", "Workflow" };

    [Theory]
    [MemberData(nameof(PureFolders))]
    public void Source_files_of_a_pure_folder_name_no_infrastructure_namespace(string folder)
    {
        var dir = Path.Combine(RepoPaths.Source, folder);
        Directory.Exists(dir).ShouldBeTrue($"{dir} should exist");
        var offenders =
            from file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            from line in File.ReadLines(file).Select((text, i) => (text, number: i + 1))
            where Forbidden.Any(ns => Regex.IsMatch(line.text, $@"\b{Regex.Escape(ns)}\b"))
            select $"{Path.GetRelativePath(RepoPaths.Root, file)}:{line.number}: {line.text.Trim()}";
        offenders.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(PureFolders))]
    public void Compiled_types_of_a_pure_namespace_touch_no_infrastructure_assembly(string folder)
    {
        var ns = "DisclosureCases." + folder;
        var types = typeof(Program).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith(ns, StringComparison.Ordinal) == true);
        var offenders =
            from type in types
            from used in UsedTypes(type)
            let assembly = used.Assembly.GetName().Name ?? ""
            where Forbidden.Any(f => assembly.StartsWith(f, StringComparison.Ordinal))
            select $"{type.FullName} uses {used.FullName}";
        offenders.Distinct().ShouldBeEmpty();
    }

    [Fact]
    public void The_check_recognises_an_infrastructure_type_when_one_is_used()
    {
        // Guards the guard: a type that does use ASP.NET Core must be caught by the same scan.
        UsedTypes(typeof(DisclosureCases.Web.WebApp))
            .Any(t => (t.Assembly.GetName().Name ?? "").StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            .ShouldBeTrue();
    }

    static IEnumerable<Type> UsedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is not null) yield return type.BaseType;
        foreach (var i in type.GetInterfaces()) yield return i;
        foreach (var f in type.GetFields(all)) yield return f.FieldType;
        foreach (var p in type.GetProperties(all)) yield return p.PropertyType;
        foreach (var m in type.GetMethods(all))
        {
            yield return m.ReturnType;
            foreach (var p in m.GetParameters()) yield return p.ParameterType;
            var body = m.GetMethodBody();
            if (body is null) continue;
            foreach (var l in body.LocalVariables) yield return l.LocalType;
        }
        foreach (var c in type.GetConstructors(all))
            foreach (var p in c.GetParameters()) yield return p.ParameterType;
    }
}
