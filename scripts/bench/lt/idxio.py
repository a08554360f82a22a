"""IDX files (the MNIST / Fashion-MNIST format) of unsigned bytes, plain or gzipped, for the
benchmark scripts: read one into a NumPy array, write one (gzipped) from an array."""
import gzip, struct
import numpy as np

def read(path):
    data = open(path, "rb").read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(data[4 + 4 * rank:], np.uint8).reshape(dims)

def write(path, a):
    with gzip.open(path, "wb") as f:
        f.write(bytes([0, 0, 8, a.ndim]) + struct.pack(">" + "I" * a.ndim, *a.shape) + a.astype(np.uint8).tobytes())
