#include "masking.h"
