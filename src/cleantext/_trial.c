/* One of langdetect's random trials, in C.

   This is language._trial with its loop over languages in C: the same draws (the random
   generator's own `_randbelow`, called once per step), the same float operations in the same
   order, and the sum of each normalisation computed as Python's own `sum` computes it, so the
   result is the pure-Python trial's, bit for bit. Before Python 3.12 that sum adds the floats
   left to right, which is done here; from 3.12 it compensates rounding, and the `sum` handed
   in is called instead. It is optional: without a compiler, language.py runs its pure-Python
   trial instead. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define MAX_LANGS 256

static int
multiply(double *prob, Py_ssize_t n, PyObject *probs, PyObject *ngrams, PyObject *draw,
         PyObject *count, double weight)
{
    PyObject *index = PyObject_CallOneArg(draw, count);
    if (index == NULL)
        return -1;
    Py_ssize_t i = PyLong_AsSsize_t(index);
    Py_DECREF(index);
    if (i == -1 && PyErr_Occurred())
        return -1;
    PyObject *gram = PyList_GetItem(ngrams, i); /* borrowed */
    if (gram == NULL)
        return -1;
    PyObject *row = PyObject_GetItem(probs, gram); /* new; fills the cache on a miss */
    if (row == NULL)
        return -1;
    if (!PyList_Check(row) || PyList_GET_SIZE(row) < n) {
        Py_DECREF(row);
        PyErr_SetString(PyExc_ValueError, "an n-gram's probabilities are not a list of every language");
        return -1;
    }
    for (Py_ssize_t j = 0; j < n; j++) {
        double q = PyFloat_AsDouble(PyList_GET_ITEM(row, j));
        if (q == -1.0 && PyErr_Occurred()) {
            Py_DECREF(row);
            return -1;
        }
        /* p * (q + weight): an addition then a product, so nothing here can be fused. */
        prob[j] = prob[j] * (q + weight);
    }
    Py_DECREF(row);
    return 0;
}

static PyObject *
to_list(const double *prob, Py_ssize_t n)
{
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t j = 0; j < n; j++) {
        PyObject *value = PyFloat_FromDouble(prob[j]);
        if (value == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, j, value);
    }
    return list;
}

/* trial(ngrams, probs, draw, n, weight, conv_threshold, iteration_limit, sum or None) -> (prob, converged) */
static PyObject *
trial(PyObject *Py_UNUSED(self), PyObject *args)
{
    PyObject *ngrams, *probs, *draw, *sum;
    Py_ssize_t n, limit;
    double weight, threshold;
    if (!PyArg_ParseTuple(args, "O!OOnddnO", &PyList_Type, &ngrams, &probs, &draw, &n, &weight,
                          &threshold, &limit, &sum))
        return NULL;
    if (n <= 0 || n > MAX_LANGS || PyList_GET_SIZE(ngrams) == 0) {
        PyErr_SetString(PyExc_ValueError, "trial needs n-grams and 1 to 256 languages");
        return NULL;
    }
    PyObject *count = PyLong_FromSsize_t(PyList_GET_SIZE(ngrams));
    if (count == NULL)
        return NULL;
    double prob[MAX_LANGS];
    for (Py_ssize_t j = 0; j < n; j++)
        prob[j] = 1.0 / (double)n;
    PyObject *result = NULL;
    if (multiply(prob, n, probs, ngrams, draw, count, weight) < 0)
        goto done;
    for (Py_ssize_t step = 0;; step += 5) {
        double total = 0.0;
        if (sum == Py_None) {
            for (Py_ssize_t j = 0; j < n; j++)
                total += prob[j];
        }
        else {
            PyObject *list = to_list(prob, n);
            if (list == NULL)
                goto done;
            PyObject *total_obj = PyObject_CallOneArg(sum, list);
            Py_DECREF(list);
            if (total_obj == NULL)
                goto done;
            total = PyFloat_AsDouble(total_obj);
            Py_DECREF(total_obj);
            if (total == -1.0 && PyErr_Occurred())
                goto done;
        }
        double best = 0.0;
        for (Py_ssize_t j = 0; j < n; j++) {
            prob[j] = prob[j] / total;
            if (j == 0 || prob[j] > best)
                best = prob[j];
        }
        int converged = best > threshold;
        if (converged || step >= limit) {
            PyObject *out = to_list(prob, n);
            if (out != NULL)
                result = Py_BuildValue("(NO)", out, converged ? Py_True : Py_False);
            goto done;
        }
        for (int k = 0; k < 5; k++)
            if (multiply(prob, n, probs, ngrams, draw, count, weight) < 0)
                goto done;
    }
done:
    Py_DECREF(count);
    return result;
}

static PyMethodDef methods[] = {
    {"trial", trial, METH_VARARGS, "One of langdetect's trials; see language._trial."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_trial", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC
PyInit__trial(void)
{
    return PyModule_Create(&module);
}
