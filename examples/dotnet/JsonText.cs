// Just enough JSON for the example, so that it builds with nothing but Govit.dll.
// In an OA solution, use the JSON library you already have (Newtonsoft.Json's JObject,
// System.Text.Json's JsonDocument, ...) — govit's results are ordinary JSON documents.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GovitExample
{
    /// <summary>Reads JSON into Dictionary / List / string / decimal / bool / null.</summary>
    internal static class JsonText
    {
        public static object Parse(string json)
        {
            int pos = 0;
            object value = Value(json, ref pos);
            SkipWs(json, ref pos);
            if (pos != json.Length) throw new FormatException("trailing characters at " + pos);
            return value;
        }

        /// <summary>
        /// The exact text of a member of the top-level object — how the example keeps the
        /// <c>project</c> record that <c>Apply</c> returns, byte for byte, to store it and pass it back.
        /// </summary>
        public static string RawMember(string json, string key)
        {
            int pos = 0;
            SkipWs(json, ref pos);
            Expect(json, ref pos, '{');
            while (true)
            {
                SkipWs(json, ref pos);
                if (json[pos] == '}') return null;
                string name = String(json, ref pos);
                SkipWs(json, ref pos);
                Expect(json, ref pos, ':');
                SkipWs(json, ref pos);
                int start = pos;
                Value(json, ref pos);
                if (name == key) return json.Substring(start, pos - start);
                SkipWs(json, ref pos);
                if (json[pos] == ',') pos++;
            }
        }

        /// <summary>A JSON string literal.</summary>
        public static string Quote(string s)
        {
            var sb = new StringBuilder("\"");
            foreach (char c in s)
            {
                if (c == '"' || c == '\\') sb.Append('\\').Append(c);
                else if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
            return sb.Append('"').ToString();
        }

        private static object Value(string s, ref int pos)
        {
            SkipWs(s, ref pos);
            char c = s[pos];
            if (c == '{')
            {
                var o = new Dictionary<string, object>();
                pos++;
                SkipWs(s, ref pos);
                if (s[pos] == '}') { pos++; return o; }
                while (true)
                {
                    SkipWs(s, ref pos);
                    string k = String(s, ref pos);
                    SkipWs(s, ref pos);
                    Expect(s, ref pos, ':');
                    o[k] = Value(s, ref pos);
                    SkipWs(s, ref pos);
                    if (s[pos++] == '}') return o;
                }
            }
            if (c == '[')
            {
                var a = new List<object>();
                pos++;
                SkipWs(s, ref pos);
                if (s[pos] == ']') { pos++; return a; }
                while (true)
                {
                    a.Add(Value(s, ref pos));
                    SkipWs(s, ref pos);
                    if (s[pos++] == ']') return a;
                }
            }
            if (c == '"') return String(s, ref pos);
            if (string.CompareOrdinal(s, pos, "true", 0, 4) == 0) { pos += 4; return true; }
            if (string.CompareOrdinal(s, pos, "false", 0, 5) == 0) { pos += 5; return false; }
            if (string.CompareOrdinal(s, pos, "null", 0, 4) == 0) { pos += 4; return null; }
            int start = pos;
            while (pos < s.Length && "+-.0123456789eE".IndexOf(s[pos]) >= 0) pos++;
            return decimal.Parse(s.Substring(start, pos - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        private static string String(string s, ref int pos)
        {
            Expect(s, ref pos, '"');
            var sb = new StringBuilder();
            while (true)
            {
                char c = s[pos++];
                if (c == '"') return sb.ToString();
                if (c != '\\') { sb.Append(c); continue; }
                char e = s[pos++];
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u':
                        sb.Append((char)int.Parse(s.Substring(pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        pos += 4;
                        break;
                    default: sb.Append(e); break; // \" \\ \/
                }
            }
        }

        private static void SkipWs(string s, ref int pos)
        {
            while (pos < s.Length && char.IsWhiteSpace(s[pos])) pos++;
        }

        private static void Expect(string s, ref int pos, char c)
        {
            if (s[pos] != c) throw new FormatException("expected '" + c + "' at " + pos);
            pos++;
        }
    }
}
