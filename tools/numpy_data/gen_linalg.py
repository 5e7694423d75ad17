#!/usr/bin/env python3
"""Writes tests/linalg_numpy_data.hpp: inputs and NumPy's results for tests/test_linalg_*.cpp.

Run from the repository root with the NumPy that is the spec (2.x):
    python3 tools/numpy_data/gen_linalg.py > tests/linalg_numpy_data.hpp
Inputs are small exact decimals; results are printed with 17 significant digits (float64).
Eigenvector and singular-vector signs are not unique, so the tests compare those by absolute
value (the inputs have distinct eigenvalues / singular values) or by reconstruction.
Complex cases (names starting with C or containing _C) are emitted as std::complex<double>
{re, im} pairs; their inputs have small exact parts too. Nothing here depends on NumPy 2 beyond
what the real cases already need, so NumPy 1.24 gives the same values to rounding.
"""
import numpy as np

out = []


def emit(name, arr, dtype="double"):
    a = np.asarray(arr)
    if dtype == "complex":  # std::complex<double> values as {re, im}
        vals = ", ".join(f"{{{float(v.real)!r}, {float(v.imag)!r}}}" for v in a.ravel())
        dtype = "std::complex<double>"
    else:
        vals = ", ".join(repr(float(v)) if dtype == "double" else str(int(v)) for v in a.ravel())
    shape = ", ".join(str(s) for s in a.shape)
    out.append(f"inline const std::vector<{dtype}> {name} = {{{vals}}};")
    out.append(f"inline const gpu::shape_t {name}_shape{{{shape}}};")


A = np.array([[[4, 1, 2], [1, 5, 3], [2, -1, 6]], [[2, -3, 1], [0.5, 4, -2], [1, 1, 3]]], dtype=np.float64)
B = np.array([[[1, 2], [3, -1], [0.5, 4]], [[-2, 1], [0, 3], [1, 1]]], dtype=np.float64)
b = np.array([1.0, -2.0, 0.5])
M = np.array([[[2, 1, 0], [1, 3, 1], [0, 1, 4]], [[1, 2, 3], [0, 1, 4], [5, 6, 0]]], dtype=np.float64)
S = M @ np.swapaxes(M, -1, -2) + np.eye(3)  # symmetric positive definite, distinct eigenvalues
R = np.array([[1, 2, 0.5], [3, -1, 2], [0, 4, 1], [2, 1, -3]], dtype=np.float64)  # tall 4x3
W = np.array([[1, 0, 2, -1, 3], [2, 1, 0, 4, -2], [0.5, 3, 1, 1, 1]], dtype=np.float64)  # wide 3x5
SING = np.array([[1, 2, 3], [2, 4, 6], [1, 0, 1]], dtype=np.float64)
V = np.array([3, -4, 0.5, 2, -1], dtype=np.float64)
V0 = np.array([0, 1, -2, 0, 3], dtype=np.float64)
y = np.array([1, 0, 2, -1], dtype=np.float64)
I3 = np.array([[2, 1, 0], [-1, 3, 2], [1, 0, 1]], dtype=np.int64)

for name, v in [("A", A), ("B", B), ("b", b), ("S", S), ("R", R), ("W", W), ("SING", SING), ("V", V), ("V0", V0), ("y", y)]:
    emit(name, v)
emit("I3", I3, "std::int64_t")

emit("solve_AB", np.linalg.solve(A, B))
emit("solve_A0b", np.linalg.solve(A[0], b))
# NumPy 2: a 1-D b is one vector, broadcast over the stack (NumPy 1.x refused it: computed per matrix)
emit("solve_Ab", np.stack([np.linalg.solve(A[i], b) for i in range(2)]))
emit("inv_A", np.linalg.inv(A))
emit("det_A", np.linalg.det(A))
sign, logdet = np.linalg.slogdet(A)
emit("slogdet_A_sign", sign)
emit("slogdet_A_log", logdet)
emit("det_SING", np.linalg.det(SING).reshape(1))
emit("det_I3", np.linalg.det(I3).reshape(1))
emit("cholesky_S", np.linalg.cholesky(S))
emit("eigh_S_w", np.linalg.eigh(S)[0])
emit("eigh_S_v_abs", np.abs(np.linalg.eigh(S)[1]))
emit("eigh_S_U_w", np.linalg.eigh(S, UPLO="U")[0])
emit("qr_R_R_abs", np.abs(np.linalg.qr(R)[1]))
emit("qr_W_R_abs", np.abs(np.linalg.qr(W)[1]))
emit("svd_R_s", np.linalg.svd(R, compute_uv=False))
emit("svd_W_s", np.linalg.svd(W, compute_uv=False))
u, s, vh = np.linalg.svd(R, full_matrices=False)
emit("svd_R_u_abs", np.abs(u))
emit("svd_R_vh_abs", np.abs(vh))
u, s, vh = np.linalg.svd(W, full_matrices=False)
emit("svd_W_u_abs", np.abs(u))
emit("svd_W_vh_abs", np.abs(vh))
x, res, rank, sv = np.linalg.lstsq(R, y, rcond=None)
emit("lstsq_x", x)
emit("lstsq_res", res)
emit("lstsq_s", sv)
out.append(f"inline constexpr std::int64_t lstsq_rank = {rank};")
x2, res2, rank2, _ = np.linalg.lstsq(R, np.stack([y, y * 2 - 1], 1), rcond=None)
emit("lstsq_x2", x2)
emit("lstsq_res2", res2)
emit("pinv_R", np.linalg.pinv(R))
emit("pinv_W", np.linalg.pinv(W))
emit("pinv_SING", np.linalg.pinv(SING))
emit("rank_R", np.array([np.linalg.matrix_rank(R)]), "std::int64_t")
emit("rank_SING", np.array([np.linalg.matrix_rank(SING)]), "std::int64_t")
emit("rank_stack", np.linalg.matrix_rank(np.stack([SING, A[0]])), "std::int64_t")
for name, o in [("none", None), ("inf", np.inf), ("minf", -np.inf), ("1", 1), ("m1", -1), ("2", 2), ("3", 3), ("m3", -3)]:
    emit(f"norm_V_{name}", np.array([np.linalg.norm(V, o)]))
emit("norm_V0_0", np.array([np.linalg.norm(V0, 0)]))
for name, o in [("none", None), ("fro", "fro"), ("nuc", "nuc"), ("inf", np.inf), ("minf", -np.inf), ("1", 1), ("m1", -1), ("2", 2), ("m2", -2)]:
    emit(f"norm_A0_{name}", np.array([np.linalg.norm(A[0], o)]))
emit("norm_A_fro_12", np.linalg.norm(A, "fro", axis=(1, 2)))
emit("norm_A_1_12", np.linalg.norm(A, 1, axis=(1, 2)))
emit("norm_A_2_21", np.linalg.norm(A, 2, axis=(2, 1)))
emit("norm_A_rows", np.linalg.norm(A, axis=-1))
emit("norm_A_all", np.array([np.linalg.norm(A)]))
for name, o in [("none", None), ("fro", "fro"), ("1", 1), ("inf", np.inf), ("m2", -2)]:
    emit(f"cond_A0_{name}", np.array([np.linalg.cond(A[0], o)]))
emit("cond_A", np.linalg.cond(A))
emit("matrix_power_A0_3", np.linalg.matrix_power(A[0], 3))
emit("matrix_power_A0_m2", np.linalg.matrix_power(A[0], -2))
emit("matrix_power_I3_5", np.linalg.matrix_power(I3, 5), "std::int64_t")
T1 = np.arange(24, dtype=np.int64).reshape(2, 3, 4) - 7
T2 = np.arange(12, dtype=np.int64).reshape(4, 3) % 5 - 2
emit("T1", T1, "std::int64_t")
emit("T2", T2, "std::int64_t")
emit("dot_T1_T2", np.dot(T1, T2), "std::int64_t")
emit("dot_T2_T1", np.dot(T2, T1), "std::int64_t")  # (4,3) . (2,3,4) -> (4,2,4)
emit("tensordot_T1_T1", np.tensordot(T1, T1, axes=([1, 2], [1, 2])), "std::int64_t")
emit("tensordot_T1_T2_1", np.tensordot(T1, T2, axes=1), "std::int64_t")  # (2,3,4) x (4,3) -> (2,3,3)
emit("inner_T1_T2", np.inner(T1, T2.T), "std::int64_t")  # (2,3,4) inner (3,4) -> (2,3,3)
emit("kron_T2_I3", np.kron(T2, I3), "std::int64_t")
emit("kron_b_T2", np.kron(np.array([1, -2]), T2), "std::int64_t")
emit("outer_b_V", np.outer(b, V))
emit("multi_dot_4", np.linalg.multi_dot([R.T, R, A[0], b]))

# numpy.linalg's array-API names (NumPy 2; older NumPy: the equivalent classic functions).
la = np.linalg
X3 = np.arange(24, dtype=np.float64).reshape(2, 3, 4) * 0.5 - 3
emit("X3", X3)
emit("diagonal_X3", np.diagonal(X3, axis1=-2, axis2=-1))
emit("diagonal_X3_1", np.diagonal(X3, 1, axis1=-2, axis2=-1))
emit("diagonal_X3_m1", np.diagonal(X3, -1, axis1=-2, axis2=-1))
emit("trace_T1", np.trace(T1, axis1=-2, axis2=-1), "std::int64_t")
emit("vecdot_A_b", la.vecdot(A, b) if hasattr(la, "vecdot") else np.sum(A * b, axis=-1))
emit("vecdot_T1_T1_0", (la.vecdot(T1, T1, axis=0) if hasattr(la, "vecdot") else np.sum(T1 * T1, axis=0)), "std::int64_t")
C1 = np.array([[1, 2, 3], [-1, 0.5, 2]], dtype=np.float64)
C2 = np.array([4, -5, 6], dtype=np.float64)
emit("C1", C1)
emit("C2", C2)
emit("cross_C1_C2", la.cross(C1, C2) if hasattr(la, "cross") else np.cross(C1, C2))
emit("vector_norm_X3_3", la.vector_norm(X3, ord=3) if hasattr(la, "vector_norm") else np.array(np.sum(np.abs(X3) ** 3) ** (1 / 3)))
emit("vector_norm_X3_ax12", la.vector_norm(X3, axis=(1, 2)) if hasattr(la, "vector_norm") else np.sqrt(np.sum(X3 * X3, axis=(1, 2))))
emit("matrix_norm_A_1", la.matrix_norm(A, ord=1) if hasattr(la, "matrix_norm") else np.linalg.norm(A, 1, axis=(-2, -1)))
T4 = (np.arange(36, dtype=np.float64).reshape(2, 3, 6) % 7 - 3) + np.eye(6).reshape(2, 3, 6) * 10
emit("T4", T4)
emit("tensorinv_T4_2", la.tensorinv(T4.reshape(6, 2, 3), ind=1))
TB = np.array([[1, -2, 0.5], [2, 0, 1]], dtype=np.float64)
emit("TB", TB)
emit("tensorsolve_T4r", la.tensorsolve(T4.reshape(2, 3, 6), TB))

# A general matrix with real, distinct eigenvalues (P diag(2, -1, 3.5) P^-1), and a stack of two.
P = np.array([[1, 1, 0], [0, 1, 1], [1, 0, 1]], dtype=np.float64)
E = P @ np.diag([2.0, -1.0, 3.5]) @ np.linalg.inv(P)
E2 = np.stack([E, np.array([[4, 1, 0], [0, 3, 1], [0, 0, -2]], dtype=np.float64)])
emit("E2", E2)
emit("eigvals_E2_sorted", np.sort(np.linalg.eigvals(E2), axis=-1).real)

# einsum (integer data: exact).
out.append("// einsum cases: T1 (2,3,4), T2 (4,3), I3 (3,3)")
emit("einsum_ijk_kl", np.einsum("ijk,kl->ijl", T1, T2), "std::int64_t")
emit("einsum_ijk_kj_i", np.einsum("ijk,kj->i", T1, T2), "std::int64_t")
emit("einsum_bij_bkj", np.einsum("bij,bkj->bik", T1, T1), "std::int64_t")
emit("einsum_implicit", np.einsum("ij,jk", I3, I3.T), "std::int64_t")
emit("einsum_trace", np.array([np.einsum("ii", I3)]), "std::int64_t")
emit("einsum_diag", np.einsum("ii->i", I3), "std::int64_t")
emit("einsum_transpose", np.einsum("ijk->kji", T1), "std::int64_t")
emit("einsum_sum_j", np.einsum("ijk->ik", T1), "std::int64_t")
emit("einsum_outer", np.einsum("i,j->ij", I3[0], I3[1]), "std::int64_t")
emit("einsum_dot", np.array([np.einsum("i,i", I3[0], I3[1])]), "std::int64_t")
emit("einsum_bcast_free", np.einsum("ij,k->jik", I3, T2[0]), "std::int64_t")

# ---- complex64 / complex128 (NumPy computes complex in its own dtype) --------------------------
CA = A + 1j * np.array([[[1, 0, -1], [0.5, 2, 0], [0, -1, 1]], [[-1, 2, 0], [1, 0, 0.5], [2, 1, -1]]])
CB = B + 1j * np.array([[[0, 1], [-1, 0.5], [2, 0]], [[1, 1], [0, -2], [0.5, 0]]])
cb = b + 1j * np.array([0.5, 1, -1])
CM = M + 1j * np.array([[[0, 1, 0], [1, 0, -1], [0, 2, 1]], [[1, 0, 0], [0, -1, 1], [2, 0, 1]]])
HS = CM @ np.conj(np.swapaxes(CM, -1, -2)) + np.eye(3)  # Hermitian positive definite
CR = R + 1j * np.array([[0, 1, -1], [2, 0, 0.5], [1, -1, 0], [0, 0.5, 2]])
CW = W + 1j * np.array([[1, 0, 0, 1, -1], [0, 2, 1, 0, 0], [-1, 0, 0.5, 1, 0]])
CSING = np.array([[1 + 1j, 2, 3 - 1j], [2 + 2j, 4, 6 - 2j], [1, 1j, 1]])
CV = V + 1j * np.array([1, 0, -2, 0.5, 0])
cy = y + 1j * np.array([0, 1, -1, 0.5])
for name, v in [("CA", CA), ("CB", CB), ("cb", cb), ("HS", HS), ("CR", CR), ("CW", CW), ("CSING", CSING), ("CV", CV), ("cy", cy)]:
    emit(name, v, "complex")
emit("solve_CACB", np.linalg.solve(CA, CB), "complex")
emit("solve_CA0cb", np.linalg.solve(CA[0], cb), "complex")
emit("solve_Acb", np.stack([np.linalg.solve(A[i], cb) for i in range(2)]), "complex")  # real a, complex b
emit("inv_CA", np.linalg.inv(CA), "complex")
emit("det_CA", np.linalg.det(CA), "complex")
sign, logdet = np.linalg.slogdet(CA)
emit("slogdet_CA_sign", sign, "complex")
emit("slogdet_CA_log", logdet)
emit("det_CSING", np.linalg.det(CSING).reshape(1), "complex")
emit("cholesky_HS", np.linalg.cholesky(HS), "complex")
emit("eigh_HS_w", np.linalg.eigh(HS)[0])
emit("eigh_HS_U_w", np.linalg.eigh(HS, UPLO="U")[0])
emit("qr_CR_R_abs", np.abs(np.linalg.qr(CR)[1]))
emit("qr_CW_R_abs", np.abs(np.linalg.qr(CW)[1]))
emit("svd_CR_s", np.linalg.svd(CR, compute_uv=False))
emit("svd_CW_s", np.linalg.svd(CW, compute_uv=False))
x, res, rank, sv = np.linalg.lstsq(CR, cy, rcond=None)
emit("lstsq_C_x", x, "complex")
emit("lstsq_C_res", res)
emit("lstsq_C_s", sv)
out.append(f"inline constexpr std::int64_t lstsq_C_rank = {rank};")
emit("pinv_CR", np.linalg.pinv(CR), "complex")
emit("pinv_CW", np.linalg.pinv(CW), "complex")
emit("rank_CSING", np.array([np.linalg.matrix_rank(CSING)]), "std::int64_t")
for name, o in [("none", None), ("inf", np.inf), ("1", 1), ("3", 3), ("0", 0)]:
    emit(f"norm_CV_{name}", np.array([np.linalg.norm(CV, o)]))
for name, o in [("none", None), ("fro", "fro"), ("nuc", "nuc"), ("inf", np.inf), ("1", 1), ("2", 2), ("m2", -2)]:
    emit(f"norm_CA0_{name}", np.array([np.linalg.norm(CA[0], o)]))
emit("cond_CA", np.linalg.cond(CA))
# NumPy's cond of a complex matrix is complex (imaginary part 0) for the orders other than None/2/-2.
emit("cond_CA0_fro", np.array([np.linalg.cond(CA[0], "fro")]).real)
emit("matrix_power_CA0_3", np.linalg.matrix_power(CA[0], 3), "complex")
emit("matrix_power_CA0_m2", np.linalg.matrix_power(CA[0], -2), "complex")
emit("eigvals_CA_sorted", np.sort(np.linalg.eigvals(CA), axis=-1), "complex")
# A real matrix with a complex spectrum (P diag-block(1 +- 2i, 3) P^-1), stacked with E2[0] (real).
ROT = P @ np.array([[1, -2, 0], [2, 1, 0], [0, 0, 3]], dtype=np.float64) @ np.linalg.inv(P)
EC = np.stack([ROT, E2[0]])
emit("EC", EC)
emit("eigvals_EC_sorted", np.sort(np.linalg.eigvals(EC).astype(complex), axis=-1), "complex")
# Products (complex numbers with integer parts: exact).
CT1 = T1 + 1j * (np.arange(24).reshape(2, 3, 4) % 5 - 2)
CT2 = T2 - 1j * (np.arange(12).reshape(4, 3) % 3)
emit("CT1", CT1, "complex")
emit("CT2", CT2, "complex")
emit("dot_CT1_CT2", np.dot(CT1, CT2), "complex")
emit("tensordot_CT1_CT1", np.tensordot(CT1, CT1, axes=([1, 2], [1, 2])), "complex")
emit("inner_CT1_CT2", np.inner(CT1, CT2.T), "complex")
emit("vdot_CT2_CT2", np.array([np.vdot(CT2, CT2)]), "complex")
emit("vdot_CT1_T1", np.array([np.vdot(CT1, T1)]), "complex")
emit("vdot_T1_CT1", np.array([np.vdot(T1, CT1)]), "complex")
emit("kron_CT2_I3", np.kron(CT2, I3), "complex")
emit("outer_cb_CV", np.outer(cb, CV), "complex")
emit("einsum_C_ijk_kl", np.einsum("ijk,kl->ijl", CT1, CT2), "complex")
emit("einsum_C_bij_bkj", np.einsum("bij,bkj->bik", CT1, CT1), "complex")
emit("einsum_C_sum_j", np.einsum("ijk->ik", CT1), "complex")

print("// Generated by tools/numpy_data/gen_linalg.py with NumPy " + np.__version__ + ": do not edit.")
print("#pragma once")
print("#include <gpu/ndarray.hpp>")
print("#include <complex>")
print("#include <cstdint>")
print("#include <vector>")
print("namespace linalg_data {")
print("\n".join(out))
print("}  // namespace linalg_data")
