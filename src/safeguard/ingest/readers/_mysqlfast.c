/* Native scanner for the VALUES list of one extended INSERT of a MySQL dump.
 *
 * scan(buf, pos, base, flags, arrow) reads the rows "(v,…),(…);" starting at
 * buf[pos] and returns one of:
 *   None        the statement holds something this scanner does not handle
 *               exactly like the Python reader (hex/_binary/b'' literals,
 *               double-quoted strings, TRUE/identifiers, a wrong value count,
 *               invalid UTF-8 in a text column, non-ASCII in a latin1 column,
 *               a "" pair, broken syntax); the caller re-reads it in Python.
 *   -1          the buffer ended before the statement did (read more, retry).
 *   (end, nrows, row_offsets, payload)
 *               end: position after the closing ';'; row_offsets: int64
 *               native-endian, base + position of each row's '('; payload:
 *               arrow=0: list of row tuples (str / bytes / None);
 *               arrow=1: list per column of (data, int32 offsets, validity
 *               bitmap or None, null count), ready for pyarrow from_buffers.
 * flags[i]: 0 text (must be valid UTF-8), 1 binary (bytes kept as-is),
 * 2 text that must be ASCII (latin1 column: the Python path may repair it).
 * Values follow MySQL's escapes exactly as mysql_lex.unescape does. Numbers
 * and NULL are the only bare tokens accepted; numbers keep their literal text.
 * No input can make it read outside buf: every access is checked against end.
 * Raw allocators are used because the scan runs without the GIL.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    char *data;
    Py_ssize_t len, cap;
} Buf;

typedef struct {
    Buf data, offsets, validity;
    Py_ssize_t nulls;
} Col;

enum { OK = 0, FALLBACK = 1, MORE = 2, NOMEM = 3 };

static int buf_reserve(Buf *b, Py_ssize_t extra)
{
    if (b->len + extra <= b->cap)
        return OK;
    Py_ssize_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra) {
        if (cap > PY_SSIZE_T_MAX / 4)
            return NOMEM;
        cap *= 2;
    }
    char *p = PyMem_RawRealloc(b->data, (size_t)cap);
    if (p == NULL)
        return NOMEM;
    b->data = p;
    b->cap = cap;
    return OK;
}

static int buf_put(Buf *b, const void *src, Py_ssize_t n)
{
    if (buf_reserve(b, n) != OK)
        return NOMEM;
    memcpy(b->data + b->len, src, (size_t)n);
    b->len += n;
    return OK;
}

static int is_space(unsigned char c)
{
    /* \s of Python's bytes regexes */
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Strict UTF-8 (as Python's decoder): no overlongs, surrogates or > U+10FFFF. */
static int valid_utf8(const unsigned char *s, Py_ssize_t n)
{
    Py_ssize_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        int len;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;
        } else
            return 0;
        if (i + len > n)
            return 0;
        if (s[i + 1] < lo || s[i + 1] > hi)
            return 0;
        for (int k = 2; k < len; k++)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return 0;
        i += len;
    }
    return 1;
}

static int check_text(const unsigned char *s, Py_ssize_t n, char flag)
{
    Py_ssize_t i;
    if (flag == 1)
        return OK;
    for (i = 0; i < n && s[i] < 0x80; i++)
        ;
    if (i == n)
        return OK;
    if (flag == 2)
        return FALLBACK;
    return valid_utf8(s + i, n - i) ? OK : FALLBACK;
}

/* The body of a single-quoted string starting after the quote at *pp. */
static int scan_string(const unsigned char *buf, Py_ssize_t end, Py_ssize_t *pp, Buf *out,
                       char flag)
{
    Py_ssize_t p = *pp, start = p;
    for (;;) {
        Py_ssize_t run = p;
        while (p < end && buf[p] != '\'' && buf[p] != '\\' && buf[p] != '"')
            p++;
        if (p > run && buf_put(out, buf + run, p - run) != OK)
            return NOMEM;
        if (p >= end)
            return MORE;
        unsigned char c = buf[p];
        if (c == '"') {
            if (p + 1 >= end)
                return MORE;
            if (buf[p + 1] == '"')
                return FALLBACK; /* Python collapses "" inside '…' */
            if (buf_put(out, "\"", 1) != OK)
                return NOMEM;
            p++;
            continue;
        }
        if (c == '\'') {
            if (p + 1 >= end)
                return MORE;
            if (buf[p + 1] == '\'') {
                if (buf_put(out, "'", 1) != OK)
                    return NOMEM;
                p += 2;
                continue;
            }
            if (check_text(buf + start, p - start, flag) != OK)
                return FALLBACK;
            *pp = p + 1;
            return OK;
        }
        /* a backslash escapes the next byte */
        if (p + 1 >= end)
            return MORE;
        unsigned char e = buf[p + 1];
        const char *rep;
        Py_ssize_t rlen = 1;
        char one;
        switch (e) {
        case '0': one = '\0'; rep = &one; break;
        case 'n': one = '\n'; rep = &one; break;
        case 'r': one = '\r'; rep = &one; break;
        case 't': one = '\t'; rep = &one; break;
        case 'b': one = '\b'; rep = &one; break;
        case 'Z': one = '\x1a'; rep = &one; break;
        case '%': rep = "\\%"; rlen = 2; break;
        case '_': rep = "\\_"; rlen = 2; break;
        default: one = (char)e; rep = &one; break;
        }
        if (buf_put(out, rep, rlen) != OK)
            return NOMEM;
        p += 2;
    }
}

/* A bare token: NULL (any case) or a number as mysql_lex._NUM reads it. */
static int scan_bare(const unsigned char *buf, Py_ssize_t end, Py_ssize_t *pp, int *is_null)
{
    Py_ssize_t p = *pp, s = p;
    while (p < end && !is_space(buf[p]) && buf[p] != ',' && buf[p] != ')' && buf[p] != '(' &&
           buf[p] != '\'' && buf[p] != '"')
        p++;
    if (p >= end)
        return MORE;
    Py_ssize_t n = p - s;
    *pp = p;
    *is_null = 0;
    if (n == 4 && (buf[s] | 0x20) == 'n' && (buf[s + 1] | 0x20) == 'u' &&
        (buf[s + 2] | 0x20) == 'l' && (buf[s + 3] | 0x20) == 'l') {
        *is_null = 1;
        return OK;
    }
    Py_ssize_t i = s;
    if (i < p && buf[i] == '-')
        i++;
    Py_ssize_t d = i;
    while (i < p && is_digit(buf[i]))
        i++;
    int digits = i > d;
    if (i < p && buf[i] == '.') {
        i++;
        Py_ssize_t f = i;
        while (i < p && is_digit(buf[i]))
            i++;
        if (!digits && i == f)
            return FALLBACK;
    } else if (!digits)
        return FALLBACK;
    if (i < p && (buf[i] == 'e' || buf[i] == 'E')) {
        i++;
        if (i < p && (buf[i] == '-' || buf[i] == '+'))
            i++;
        Py_ssize_t x = i;
        while (i < p && is_digit(buf[i]))
            i++;
        if (i == x)
            return FALLBACK;
    }
    return i == p ? OK : FALLBACK;
}

static Py_ssize_t skip_space(const unsigned char *buf, Py_ssize_t p, Py_ssize_t end)
{
    while (p < end && is_space(buf[p]))
        p++;
    return p;
}

static int col_end_value(Col *c, Py_ssize_t row, int null)
{
    int32_t off;
    if (c->data.len > INT32_MAX)
        return FALLBACK;
    off = (int32_t)c->data.len;
    if (buf_put(&c->offsets, &off, 4) != OK)
        return NOMEM;
    if ((row & 7) == 0) {
        if (buf_put(&c->validity, "\0", 1) != OK)
            return NOMEM;
    }
    if (null)
        c->nulls++;
    else
        c->validity.data[row >> 3] |= (char)(1u << (row & 7));
    return OK;
}

/* One value of column c; *pp is at its first byte. */
static int scan_value(const unsigned char *buf, Py_ssize_t end, Py_ssize_t *pp, Col *c,
                      Py_ssize_t row, char flag)
{
    Py_ssize_t p = *pp;
    int rc, null = 0;
    if (p >= end)
        return MORE;
    if (buf[p] == '\'') {
        p++;
        rc = scan_string(buf, end, &p, &c->data, flag);
    } else {
        Py_ssize_t s = p;
        rc = scan_bare(buf, end, &p, &null);
        if (rc == OK && !null)
            rc = buf_put(&c->data, buf + s, p - s);
    }
    if (rc != OK)
        return rc;
    *pp = p;
    return col_end_value(c, row, null);
}

static int scan_row(const unsigned char *buf, Py_ssize_t end, Py_ssize_t *pp, Col *cols,
                    Py_ssize_t ncols, const char *flags, Py_ssize_t row)
{
    Py_ssize_t p = *pp;
    for (Py_ssize_t i = 0; i < ncols; i++) {
        int rc;
        p = skip_space(buf, p, end);
        rc = scan_value(buf, end, &p, &cols[i], row, flags[i]);
        if (rc != OK)
            return rc;
        p = skip_space(buf, p, end);
        if (p >= end)
            return MORE;
        if (buf[p] != (i + 1 == ncols ? ')' : ','))
            return FALLBACK; /* wrong value count or junk after a value */
        p++;
    }
    *pp = p;
    return OK;
}

static int scan_rows(const unsigned char *buf, Py_ssize_t end, Py_ssize_t *pp, Col *cols,
                     Py_ssize_t ncols, const char *flags, Py_ssize_t base, Buf *starts,
                     Py_ssize_t *nrows)
{
    Py_ssize_t p = *pp, row = 0;
    for (;;) {
        int rc;
        int64_t at;
        p = skip_space(buf, p, end);
        if (p >= end)
            return MORE;
        if (buf[p] != '(')
            return FALLBACK;
        at = (int64_t)(base + p);
        if (buf_put(starts, &at, 8) != OK)
            return NOMEM;
        p++;
        rc = scan_row(buf, end, &p, cols, ncols, flags, row);
        if (rc != OK)
            return rc;
        row++;
        p = skip_space(buf, p, end);
        if (p >= end)
            return MORE;
        if (buf[p] == ';') {
            *pp = p + 1;
            *nrows = row;
            return OK;
        }
        if (buf[p] != ',')
            return FALLBACK;
        p++;
    }
}

static PyObject *value_object(Col *c, Py_ssize_t row, char flag)
{
    const int32_t *off = (const int32_t *)c->offsets.data;
    if (!(c->validity.data[row >> 3] & (1u << (row & 7))))
        Py_RETURN_NONE;
    const char *s = c->data.data + off[row];
    Py_ssize_t n = off[row + 1] - off[row];
    if (flag == 1)
        return PyBytes_FromStringAndSize(s, n);
    return PyUnicode_DecodeUTF8(s, n, "strict");
}

static PyObject *as_tuples(Col *cols, Py_ssize_t ncols, const char *flags, Py_ssize_t nrows)
{
    PyObject *rows = PyList_New(nrows);
    if (rows == NULL)
        return NULL;
    for (Py_ssize_t r = 0; r < nrows; r++) {
        PyObject *t = PyTuple_New(ncols);
        if (t == NULL)
            goto fail;
        PyList_SET_ITEM(rows, r, t);
        for (Py_ssize_t i = 0; i < ncols; i++) {
            PyObject *v = value_object(&cols[i], r, flags[i]);
            if (v == NULL)
                goto fail;
            PyTuple_SET_ITEM(t, i, v);
        }
    }
    return rows;
fail:
    Py_DECREF(rows);
    return NULL;
}

static PyObject *as_columns(Col *cols, Py_ssize_t ncols)
{
    PyObject *out = PyList_New(ncols);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < ncols; i++) {
        Col *c = &cols[i];
        PyObject *valid;
        if (c->nulls)
            valid = PyBytes_FromStringAndSize(c->validity.data, c->validity.len);
        else
            valid = Py_NewRef(Py_None);
        PyObject *item = Py_BuildValue("(y#y#Nn)", c->data.data ? c->data.data : "",
                                       c->data.len, c->offsets.data, c->offsets.len, valid,
                                       c->nulls);
        if (item == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, i, item);
    }
    return out;
}

static void free_cols(Col *cols, Py_ssize_t ncols)
{
    for (Py_ssize_t i = 0; i < ncols; i++) {
        PyMem_RawFree(cols[i].data.data);
        PyMem_RawFree(cols[i].offsets.data);
        PyMem_RawFree(cols[i].validity.data);
    }
    PyMem_RawFree(cols);
}

static PyObject *scan(PyObject *self, PyObject *args)
{
    Py_buffer view, flagv;
    Py_ssize_t pos, base, nrows = 0;
    int arrow, rc = OK;
    PyObject *result = NULL;
    Buf starts = {NULL, 0, 0};
    (void)self;
    if (!PyArg_ParseTuple(args, "y*nny*p", &view, &pos, &base, &flagv, &arrow))
        return NULL;
    Py_ssize_t ncols = flagv.len, end = view.len;
    const char *flags = (const char *)flagv.buf;
    Col *cols = NULL;
    if (ncols <= 0 || pos < 0 || pos > end) {
        PyBuffer_Release(&view);
        PyBuffer_Release(&flagv);
        Py_RETURN_NONE;
    }
    cols = PyMem_RawCalloc((size_t)ncols, sizeof(Col));
    if (cols == NULL) {
        rc = NOMEM;
        goto done;
    }
    for (Py_ssize_t i = 0; i < ncols && rc == OK; i++) {
        int32_t zero = 0;
        rc = buf_put(&cols[i].offsets, &zero, 4);
    }
    if (rc == OK) {
        Py_BEGIN_ALLOW_THREADS
        rc = scan_rows((const unsigned char *)view.buf, end, &pos, cols, ncols, flags, base,
                       &starts, &nrows);
        Py_END_ALLOW_THREADS
    }
done:
    if (rc == NOMEM)
        PyErr_NoMemory();
    else if (rc == FALLBACK)
        result = Py_NewRef(Py_None);
    else if (rc == MORE)
        result = PyLong_FromLong(-1);
    else {
        PyObject *payload = arrow ? as_columns(cols, ncols) : as_tuples(cols, ncols, flags, nrows);
        if (payload != NULL)
            result = Py_BuildValue("(nny#N)", pos, nrows, starts.data ? starts.data : "",
                                   starts.len, payload);
    }
    if (cols != NULL)
        free_cols(cols, ncols);
    PyMem_RawFree(starts.data);
    PyBuffer_Release(&view);
    PyBuffer_Release(&flagv);
    return result;
}

static PyMethodDef methods[] = {
    {"scan", scan, METH_VARARGS, "Scan the rows of one INSERT … VALUES statement."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_mysqlfast", "Native MySQL dump row scanner.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__mysqlfast(void) { return PyModule_Create(&module); }
