using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Govit.Internal
{
    /// <summary>
    /// A small JSON reader, enough to read govit's documents (errors, and the typed results:
    /// <see cref="Decision"/>, <see cref="CheckResult"/>, <see cref="Lifecycle"/>) without a
    /// dependency on a JSON library (none is part of .NET Standard 2.0, and OA hosts bring
    /// their own, conflicting versions). Objects become
    /// <c>Dictionary&lt;string, object&gt;</c>, arrays <c>List&lt;object&gt;</c>, strings
    /// <c>string</c>, numbers <see cref="JsonNumber"/> (exact text), true/false <c>bool</c>,
    /// null <c>null</c>. <see cref="Fields"/> reads members by type, with the path in errors.
    /// </summary>
    internal static class Json
    {
        private const int MaxDepth = 512;

        internal sealed class JsonNumber
        {
            internal JsonNumber(string text) { Text = text; }

            /// <summary>The number exactly as written.</summary>
            public string Text { get; }

            public decimal ToDecimal()
            {
                return decimal.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            public override string ToString() { return Text; }
        }

        /// <summary>Parses one JSON document; throws <see cref="FormatException"/> if it is not well formed.</summary>
        public static object Parse(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var p = new Parser(text);
            p.SkipWs();
            object v = p.Value(0);
            p.SkipWs();
            if (p.Pos != text.Length) throw p.Error("trailing characters");
            return v;
        }

        /// <summary>
        /// The exact text of member <paramref name="key"/> of the top-level object, or null if absent.
        /// Lossless: the slice is the kernel's own output, byte for byte.
        /// </summary>
        public static string RawMember(string text, string key)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var p = new Parser(text);
            p.SkipWs();
            p.Expect('{');
            p.SkipWs();
            if (p.Peek() == '}') return null;
            while (true)
            {
                p.SkipWs();
                string k = p.String();
                p.SkipWs();
                p.Expect(':');
                p.SkipWs();
                int start = p.Pos;
                p.Value(1);
                if (k == key) return text.Substring(start, p.Pos - start);
                p.SkipWs();
                if (p.Peek() == ',') { p.Pos++; continue; }
                p.Expect('}');
                return null;
            }
        }

        /// <summary>A JSON string literal for <paramref name="s"/>.</summary>
        public static string Quote(string s)
        {
            var sb = new StringBuilder(s.Length + 2);
            sb.Append('"');
            foreach (char c in s)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\b': sb.Append("\\b"); break;
                    case '\f': sb.Append("\\f"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
            return sb.ToString();
        }

        /// <summary>Follows a path of object keys (string) and array indexes (int); null if any step is missing.</summary>
        public static object Get(object node, params object[] path)
        {
            foreach (object step in path)
            {
                if (step is string key)
                {
                    var o = node as Dictionary<string, object>;
                    if (o == null || !o.TryGetValue(key, out node)) return null;
                }
                else
                {
                    var a = node as List<object>;
                    int i = (int)step;
                    if (a == null || i < 0 || i >= a.Count) return null;
                    node = a[i];
                }
            }
            return node;
        }

        /// <summary>Parses a document that must be an object; <paramref name="what"/> names it in errors.</summary>
        public static Fields ParseObject(string text, string what)
        {
            return Fields.Of(Parse(text), what);
        }

        /// <summary>
        /// The members of one JSON object read by type. A member of the wrong type, or a required
        /// member that is absent, throws <see cref="FormatException"/> naming its path
        /// (<c>check.findings[2].due</c>). "Optional" members may be absent or null.
        /// </summary>
        internal struct Fields
        {
            private readonly Dictionary<string, object> _o;

            private Fields(Dictionary<string, object> o, string path)
            {
                _o = o;
                Path = path;
            }

            /// <summary>Where this object is in its document, for error messages.</summary>
            public string Path { get; }

            /// <summary>The member names, in no particular order.</summary>
            public IEnumerable<string> Keys { get { return _o.Keys; } }

            public static Fields Of(object node, string path)
            {
                var o = node as Dictionary<string, object>;
                if (o == null) throw Wrong(path, "an object", node);
                return new Fields(o, path);
            }

            public bool Has(string key)
            {
                return _o.TryGetValue(key, out object v) && v != null;
            }

            public string Str(string key)
            {
                string s = OptStr(key);
                if (s == null) throw Missing(key);
                return s;
            }

            public string OptStr(string key)
            {
                object v = Raw(key);
                if (v == null || v is string) return (string)v;
                throw Wrong(At(key), "a string", v);
            }

            public bool Bool(string key)
            {
                object v = Raw(key);
                if (v is bool b) return b;
                if (v == null) throw Missing(key);
                throw Wrong(At(key), "true or false", v);
            }

            public int? OptInt(string key)
            {
                object v = Raw(key);
                if (v == null) return null;
                int i;
                var n = v as JsonNumber;
                if (n == null || !int.TryParse(n.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out i))
                    throw Wrong(At(key), "an integer", v);
                return i;
            }

            public long? OptLong(string key)
            {
                object v = Raw(key);
                if (v == null) return null;
                long l;
                var n = v as JsonNumber;
                if (n == null || !long.TryParse(n.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out l))
                    throw Wrong(At(key), "an integer", v);
                return l;
            }

            /// <summary>A date <c>YYYY-MM-DD</c>, as a <see cref="DateTime"/> at midnight, kind Unspecified.</summary>
            public DateTime Date(string key)
            {
                DateTime? d = OptDate(key);
                if (d == null) throw Missing(key);
                return d.Value;
            }

            public DateTime? OptDate(string key)
            {
                string s = OptStr(key);
                if (s == null) return null;
                DateTime d;
                if (!DateTime.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
                    throw Wrong(At(key), "a date YYYY-MM-DD", s);
                return d;
            }

            /// <summary>An array of strings; absent or null is an error unless <paramref name="optional"/> (then empty).</summary>
            public IReadOnlyList<string> Strings(string key, bool optional = false)
            {
                List<object> a = Array(key, optional);
                var list = new List<string>(a.Count);
                for (int i = 0; i < a.Count; i++)
                {
                    var s = a[i] as string;
                    if (s == null) throw Wrong(At(key) + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", "a string", a[i]);
                    list.Add(s);
                }
                return list.AsReadOnly();
            }

            /// <summary>An array of objects, each read by <paramref name="read"/>.</summary>
            public IReadOnlyList<T> Objects<T>(string key, Func<Fields, T> read, bool optional = false)
            {
                List<object> a = Array(key, optional);
                var list = new List<T>(a.Count);
                for (int i = 0; i < a.Count; i++)
                {
                    list.Add(read(Of(a[i], At(key) + "[" + i.ToString(CultureInfo.InvariantCulture) + "]")));
                }
                return list.AsReadOnly();
            }

            /// <summary>A member that must be an object (or, if <paramref name="optional"/>, absent/null: then null).</summary>
            public T Object<T>(string key, Func<Fields, T> read, bool optional = false) where T : class
            {
                object v = Raw(key);
                if (v == null)
                {
                    if (optional) return null;
                    throw Missing(key);
                }
                return read(Of(v, At(key)));
            }

            private List<object> Array(string key, bool optional)
            {
                object v = Raw(key);
                if (v == null)
                {
                    if (optional) return new List<object>();
                    throw Missing(key);
                }
                var a = v as List<object>;
                if (a == null) throw Wrong(At(key), "an array", v);
                return a;
            }

            private object Raw(string key)
            {
                object v;
                return _o.TryGetValue(key, out v) ? v : null;
            }

            private string At(string key)
            {
                return Path + "." + key;
            }

            private FormatException Missing(string key)
            {
                return new FormatException("govit: " + At(key) + " is missing (or null) in the kernel's document");
            }

            private static FormatException Wrong(string path, string expected, object got)
            {
                string kind = got == null ? "null" : got is string ? "a string" : got is bool ? "a boolean"
                    : got is JsonNumber ? "a number" : got is List<object> ? "an array" : "an object";
                return new FormatException("govit: " + path + " should be " + expected + ", not " + kind +
                                           (got is string || got is JsonNumber ? " (" + got + ")" : ""));
            }
        }

        private sealed class Parser
        {
            private readonly string _s;
            internal int Pos;

            internal Parser(string s) { _s = s; }

            internal FormatException Error(string what)
            {
                return new FormatException("JSON: " + what + " at offset " + Pos.ToString(CultureInfo.InvariantCulture));
            }

            internal char Peek()
            {
                if (Pos >= _s.Length) throw Error("unexpected end");
                return _s[Pos];
            }

            internal void Expect(char c)
            {
                if (Peek() != c) throw Error("expected '" + c + "'");
                Pos++;
            }

            internal void SkipWs()
            {
                while (Pos < _s.Length)
                {
                    char c = _s[Pos];
                    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') Pos++;
                    else break;
                }
            }

            internal object Value(int depth)
            {
                if (depth > MaxDepth) throw Error("nesting too deep");
                char c = Peek();
                switch (c)
                {
                    case '{': return Object(depth);
                    case '[': return Array(depth);
                    case '"': return String();
                    case 't': Literal("true"); return true;
                    case 'f': Literal("false"); return false;
                    case 'n': Literal("null"); return null;
                    default:
                        if (c == '-' || (c >= '0' && c <= '9')) return Number();
                        throw Error("unexpected character");
                }
            }

            private void Literal(string word)
            {
                if (string.CompareOrdinal(_s, Pos, word, 0, word.Length) != 0) throw Error("bad literal");
                Pos += word.Length;
            }

            private Dictionary<string, object> Object(int depth)
            {
                var o = new Dictionary<string, object>(StringComparer.Ordinal);
                Expect('{');
                SkipWs();
                if (Peek() == '}') { Pos++; return o; }
                while (true)
                {
                    SkipWs();
                    string k = String();
                    SkipWs();
                    Expect(':');
                    SkipWs();
                    o[k] = Value(depth + 1);
                    SkipWs();
                    if (Peek() == ',') { Pos++; continue; }
                    Expect('}');
                    return o;
                }
            }

            private List<object> Array(int depth)
            {
                var a = new List<object>();
                Expect('[');
                SkipWs();
                if (Peek() == ']') { Pos++; return a; }
                while (true)
                {
                    SkipWs();
                    a.Add(Value(depth + 1));
                    SkipWs();
                    if (Peek() == ',') { Pos++; continue; }
                    Expect(']');
                    return a;
                }
            }

            internal string String()
            {
                Expect('"');
                var sb = new StringBuilder();
                while (true)
                {
                    char c = Peek();
                    Pos++;
                    if (c == '"') return sb.ToString();
                    if (c < 0x20) throw Error("control character in string");
                    if (c != '\\') { sb.Append(c); continue; }
                    char e = Peek();
                    Pos++;
                    switch (e)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case '/': sb.Append('/'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                            if (Pos + 4 > _s.Length) throw Error("bad \\u escape");
                            int code;
                            if (!int.TryParse(_s.Substring(Pos, 4), NumberStyles.AllowHexSpecifier,
                                              CultureInfo.InvariantCulture, out code))
                                throw Error("bad \\u escape");
                            Pos += 4;
                            sb.Append((char)code);
                            break;
                        default: throw Error("bad escape");
                    }
                }
            }

            private JsonNumber Number()
            {
                int start = Pos;
                if (_s[Pos] == '-') Pos++;
                if (Pos < _s.Length && _s[Pos] == '0') Pos++;
                else Digits();
                if (Pos < _s.Length && _s[Pos] == '.') { Pos++; Digits(); }
                if (Pos < _s.Length && (_s[Pos] == 'e' || _s[Pos] == 'E'))
                {
                    Pos++;
                    if (Pos < _s.Length && (_s[Pos] == '+' || _s[Pos] == '-')) Pos++;
                    Digits();
                }
                return new JsonNumber(_s.Substring(start, Pos - start));
            }

            private void Digits()
            {
                int start = Pos;
                while (Pos < _s.Length && _s[Pos] >= '0' && _s[Pos] <= '9') Pos++;
                if (Pos == start) throw Error("digit expected");
            }
        }
    }
}
