using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace DisclosureCases.Api;

/// <summary>
/// Reads a JSON request body into a payload class field by field, so that every field of the wrong type is reported by
/// name (a serializer stops at the first). Supported property types: string, bool?, DateOnly? (yyyy-MM-dd) and
/// List&lt;string&gt;. Field names are the properties' in camelCase; fields the payload does not have are ignored.
/// </summary>
public static class JsonPayload
{
    public static async Task<(T? Value, Dictionary<string, string[]> Problems)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : new()
    {
        var problems = new Dictionary<string, string[]>();
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            problems["$"] = [$"请求体不是有效的 JSON / The body is not valid JSON: {e.Message}"];
            return (default, problems);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems["$"] = ["请求体应为 JSON 对象 / The body must be a JSON object"];
                return (default, problems);
            }
            var value = new T();
            foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                if (!document.RootElement.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null) continue;
                if (Read(property.PropertyType, field, name, problems) is { } read)
                    property.SetValue(value, read);
            }
            return (value, problems);
        }
    }

    static object? Read(Type type, JsonElement field, string name, Dictionary<string, string[]> problems)
    {
        if (type == typeof(string))
        {
            if (field.ValueKind == JsonValueKind.String) return field.GetString();
            problems[name] = ["应为字符串 / must be a string"];
        }
        else if (type == typeof(bool?))
        {
            if (field.ValueKind is JsonValueKind.True or JsonValueKind.False) return field.GetBoolean();
            problems[name] = ["应为 true 或 false / must be true or false"];
        }
        else if (type == typeof(DateOnly?))
        {
            if (field.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(field.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            problems[name] = ["应为日期，格式 yyyy-MM-dd / must be a date as yyyy-MM-dd"];
        }
        else if (type == typeof(List<string>))
        {
            if (field.ValueKind != JsonValueKind.Array)
            {
                problems[name] = ["应为字符串数组 / must be an array of strings"];
                return null;
            }
            var list = new List<string>();
            var i = 0;
            foreach (var item in field.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String) list.Add(item.GetString()!);
                else
                {
                    problems[$"{name}[{i}]"] = ["应为字符串 / must be a string"];
                    list.Add(null!); // keeps the positions the validator reports in line with the body's
                }
                i++;
            }
            return list;
        }
        else
        {
            throw new NotSupportedException($"{type} is not a payload field type");
        }
        return null;
    }
}
